/**
 * The small HTTP layer both simulators stand on: a router over the JDK's {@code HttpServer}
 * (virtual threads), the request log that tests and benchmarks read, and the fault switches
 * (latency, rate limit, 5xx, timeouts, lost responses) that can be changed while serving.
 */
package io.ziiklb.simulator.http;
