package io.ziiklb.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Virtual fault time for tests: it stands still unless a test {@link #advanceSeconds advances} it
 * or a sleep passes it; a sleep is recorded, moves the time on by its length and returns at once.
 * So a test checks a latency, a delay or a {@code Retry-After} exactly instead of timing calls.
 * While {@link #hold held}, a sleep waits for {@link #release} before it passes, so that a test can
 * make several changes at one instant before any delayed work moves the time on.
 */
public final class HandMovedTiming implements FaultTiming {
    private final List<Long> sleeps = new ArrayList<>();
    private long nanos;
    private boolean held;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(long millis) throws InterruptedException {
        sleeps.add(millis);
        while (held) {
            wait();
        }
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    public synchronized void hold() {
        held = true;
    }

    public synchronized void release() {
        held = false;
        notifyAll();
    }

    public synchronized void advanceSeconds(long seconds) {
        nanos += TimeUnit.SECONDS.toNanos(seconds);
    }

    /** Every sleep asked for so far, in milliseconds, in order. */
    public synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
