package io.ziiklb.queue;

import java.time.Duration;

/**
 * Thrown by a handler whose work could not be done for a reason outside the item (its peer is down
 * or refuses the credentials) and that knows when to try again. Such an item is never parked as a
 * dead letter: it waits as long as the peer does.
 */
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
