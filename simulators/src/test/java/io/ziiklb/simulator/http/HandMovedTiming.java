package io.ziiklb.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Virtual fault time for tests: it stands still unless a test {@link #advanceSeconds advances} it
 * or a sleep passes it; a sleep is recorded, moves the time on by its length and returns at once.
 * So a test checks a latency, a delay or a {@code Retry-After} exactly instead of timing calls.
 */
public final class HandMovedTiming implements FaultTiming {
    private final List<Long> sleeps = new ArrayList<>();
    private long nanos;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(long millis) {
        sleeps.add(millis);
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    public synchronized void advanceSeconds(long seconds) {
        nanos += TimeUnit.SECONDS.toNanos(seconds);
    }

    /** Every sleep asked for so far, in milliseconds, in order. */
    public synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
