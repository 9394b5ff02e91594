package io.ziiklb.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits that grow: {@code first}, doubled after each failed attempt, at most {@code max}. Peers that
 * fail (a 5xx, a timeout, a 429 without {@code Retry-After}) are given the more time the longer they
 * keep failing.
 *
 * @param first the wait after the first failed attempt
 * @param max   the longest wait (below {@code first}, every wait is {@code max})
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("a backoff's waits cannot be negative");
        }
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based). */
    public Duration after(int attempt) {
        return Duration.ofMillis(Math.min(max.toMillis(), first.toMillis() << Math.min(Math.max(attempt - 1, 0), 30)));
    }

    /**
     * The same wait, half of it random ("equal jitter"), so that callers that failed together do
     * not come back together.
     */
    public Duration withJitterAfter(int attempt, RandomGenerator random) {
        long base = after(attempt).toMillis();
        return Duration.ofMillis(base / 2 + (base <= 1 ? 0 : random.nextLong(base / 2 + 1)));
    }
}
