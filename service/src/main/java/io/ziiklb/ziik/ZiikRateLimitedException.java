package io.ziiklb.ziik;

import java.time.Duration;

/** Ziik kept answering 429 after the client had waited as it asked; try again after {@link #retryAfter()}. */
public final class ZiikRateLimitedException extends ZiikException {
    private final Duration retryAfter;

    ZiikRateLimitedException(String message, Duration retryAfter) {
        super(message, null);
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
