package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.FaultTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fault time that moves only by hand: a sleep is recorded and returns at once, and the rate limit's
 * bucket refills only when the test calls {@link #advanceSeconds}. Lets a test check a latency or a
 * {@code Retry-After} exactly instead of timing calls.
 */
final class HandMovedTiming implements FaultTiming {
    private final List<Long> sleeps = new ArrayList<>();
    private long nanos;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(long millis) {
        sleeps.add(millis);
    }

    synchronized void advanceSeconds(long seconds) {
        nanos += TimeUnit.SECONDS.toNanos(seconds);
    }

    /** Every sleep asked for so far, in milliseconds, in order. */
    synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
