/**
 * The simulated Learningbank platform: serves {@code specs/learningbank-api.md} (contract v1) over
 * real HTTP, with the platform's pages for automatic login, for tests, the demo and the benchmarks.
 *
 * <p>Owns the in-memory platform model ({@link io.ziiklb.simulator.learningbank.LearningbankState}:
 * department tree, permission types, job profiles, users and their rules), the wire format of that
 * model, and the {@code /_sim/state}, {@code /_sim/seed} and {@code /_sim/reset} control routes.
 * The HTTP plumbing, fault switches and request log come from {@link io.ziiklb.simulator.http}.
 * Start it with {@link io.ziiklb.simulator.learningbank.LearningbankSimulator#start}.
 */
package io.ziiklb.simulator.learningbank;
