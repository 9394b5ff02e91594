package io.ziiklb.simulator.http;

/**
 * A token bucket: {@code capacity} calls at once, refilled at {@code perSecond}. Thread-safe.
 */
final class TokenBucket {
    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(double perSecond, int capacity, long nowNanos) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1, capacity);
        this.tokens = this.capacity;
        this.lastNanos = nowNanos;
    }

    /**
     * Takes one token.
     *
     * @return 0 when a token was taken, else the whole seconds to wait before one is free (at least 1)
     */
    synchronized long tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    boolean sameShape(double perSecond, int capacity) {
        return this.perSecond == perSecond && this.capacity == Math.max(1, capacity);
    }
}
