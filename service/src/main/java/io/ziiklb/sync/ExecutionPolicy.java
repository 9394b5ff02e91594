package io.ziiklb.sync;

import io.ziiklb.http.Backoff;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a plan runs.
 *
 * @param concurrency          Learningbank calls in flight at once for one integration (the
 *                             integration's client enforces it); the executor keeps twice as many
 *                             steps going, so their own work (links, JSON) overlaps the calls
 * @param maxAttempts          tries of one step on transient failures (5xx, timeouts) before it fails
 * @param firstBackoff         wait after the first transient failure; doubles each time, with jitter
 * @param maxBackoff           the longest such wait
 * @param giveUpAfterFailures  transient failures in a row, across steps, after which Learningbank is
 *                             taken to be down and the rest of the plan is skipped
 */
public record ExecutionPolicy(int concurrency, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                              int giveUpAfterFailures) {

    public ExecutionPolicy {
        if (concurrency < 1 || maxAttempts < 1 || giveUpAfterFailures < 1) {
            throw new IllegalArgumentException("concurrency, attempts and the failure limit must be at least 1");
        }
    }

    public static ExecutionPolicy defaults() {
        return new ExecutionPolicy(8, 6, Duration.ofMillis(200), Duration.ofSeconds(10), 50);
    }

    public ExecutionPolicy withConcurrency(int n) {
        return new ExecutionPolicy(n, maxAttempts, firstBackoff, maxBackoff, giveUpAfterFailures);
    }

    /** Steps the executor keeps going at once. */
    int stepsInFlight() {
        return concurrency * 2;
    }

    public ExecutionPolicy withBackoff(Duration first, Duration max) {
        return new ExecutionPolicy(concurrency, maxAttempts, first, max, giveUpAfterFailures);
    }

    /** The wait before attempt {@code attempt + 1}: exponential, capped, with "equal jitter". */
    Duration backoff(int attempt, RandomGenerator random) {
        return new Backoff(firstBackoff, maxBackoff).withJitterAfter(attempt, random);
    }
}
