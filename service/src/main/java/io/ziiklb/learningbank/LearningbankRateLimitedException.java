package io.ziiklb.learningbank;

import java.time.Duration;

/** 429: wait {@link #retryAfter()} before calling again (Learningbank's {@code Retry-After}, or a guess). */
public final class LearningbankRateLimitedException extends LearningbankException {
    private final Duration retryAfter;

    LearningbankRateLimitedException(String message, Duration retryAfter) {
        super(429, "rate_limited", message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
