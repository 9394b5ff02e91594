package io.ziiklb.simulator.http;

/** Turns a {@link SimProblem} into the error body of the simulated peer. */
@FunctionalInterface
public interface ErrorRenderer {
    SimResponse render(SimProblem problem);
}
