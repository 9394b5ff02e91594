package io.ziiklb.bench;

import io.ziiklb.simulator.learningbank.LearningbankState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether the live path alone (deliveries and role polls, no full synchronisation) brings
 * Learningbank to what the oracle says once the changes and faults have stopped, and when: the
 * oracle is asked every second, while no delivery is pending and the queue is empty, for up to
 * {@link #LIMIT} (a role poll comes every minute). What is left then is what dropped or unanswered
 * deliveries missed, which only a full synchronisation repairs.
 *
 * @param at          when the oracle first found nothing to say; null when it never did within the limit
 * @param differences what it found at the last look
 */
record LiveConvergence(Instant at, List<String> differences) {
    static final Duration LIMIT = Duration.ofSeconds(90);

    /**
     * @param original Learningbank before the first synchronisation
     * @param previous Learningbank before the changes
     */
    static LiveConvergence await(SoakWorld world, LearningbankState.Snapshot original, LearningbankState.Snapshot previous)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(LIMIT);
        List<String> differences = List.of("not looked at yet");
        while (Instant.now().isBefore(deadline)) {
            if (world.ziik.awaitDeliveriesIdle(Duration.ofSeconds(1)) && world.pendingWork() == 0) {
                differences = world.organisation.differences(original, previous, world.learningbank.state().snapshot(),
                        world.links(), world.recordedProblems());
                if (differences.isEmpty()) {
                    return new LiveConvergence(Instant.now(), differences);
                }
            }
            Thread.sleep(1000);
        }
        return new LiveConvergence(null, differences);
    }
}
