package io.ziiklb.sync;

import java.util.Optional;

/**
 * Whether the integration may still write to Learningbank (rule L4: nothing is written while it
 * is disabled). The executor asks before every attempt of every step, so that work already under
 * way when an admin disables or removes the integration (a full synchronisation applying its plan,
 * a live item retrying its read of Ziik) writes nothing more: the steps in flight end, the rest
 * are not run, and the run ends with {@link WritesStopped}.
 */
@FunctionalInterface
public interface WriteGate {
    /** Empty while writes may go on, else why they may not. */
    Optional<String> closedBecause();

    /** A gate that never closes: for tests and benchmarks of the engine alone. */
    static WriteGate alwaysOpen() {
        return Optional::empty;
    }
}
