/**
 * Simulators of the two peers, Ziik and Learningbank, for tests, the demo and the benchmarks.
 * {@link io.ziiklb.simulator.Main} runs either one standalone.
 */
package io.ziiklb.simulator;
