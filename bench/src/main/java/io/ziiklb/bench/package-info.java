/**
 * Benchmarks, run by {@code ./ziiklb bench ...}, whose figures go into {@code docs/performance.md}.
 * The simulators run in JVMs of their own, so the heap and time measured are the engine's.
 */
package io.ziiklb.bench;
