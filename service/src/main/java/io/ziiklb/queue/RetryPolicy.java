package io.ziiklb.queue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed item runs again, and when it stops trying.
 *
 * @param maxAttempts attempts before the item becomes a dead letter
 * @param first       the wait after the first failure; doubles each time, capped at {@code max}
 */
public record RetryPolicy(int maxAttempts, Duration first, Duration max) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(10));
    }

    /**
     * The wait after attempt {@code attempt} failed: exponential, capped, half of it random ("equal
     * jitter"). The same formula as {@code http.Backoff}'s, written here because the queue imports
     * nothing of the project.
     */
    public Duration backoff(int attempt, RandomGenerator random) {
        long base = Math.min(max.toMillis(), first.toMillis() << Math.min(Math.max(attempt - 1, 0), 30));
        return Duration.ofMillis(base / 2 + random.nextLong(base / 2 + 1));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
