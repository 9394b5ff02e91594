package io.ziiklb.queue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed item runs again and when it stops trying ({@link RetryPolicy}), with the randomness
 * the waits' jitter draws from: the worker needs the two only together.
 */
public record Retries(RetryPolicy policy, RandomGenerator random) {

    /** The wait after attempt {@code attempt} failed. */
    Duration backoff(int attempt) {
        return policy.backoff(attempt, random);
    }

    boolean exhausted(int attempts) {
        return policy.exhausted(attempts);
    }
}
