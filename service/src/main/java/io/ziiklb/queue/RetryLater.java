package io.ziiklb.queue;

import java.time.Duration;

/** Thrown by a handler that knows when to try again (a peer's {@code Retry-After}). */
public final class RetryLater extends RuntimeException {
    private final Duration wait;

    public RetryLater(String message, Duration wait) {
        super(message, null, false, false);
        this.wait = wait;
    }

    public Duration waitFor() {
        return wait;
    }
}
