package io.ziiklb.simulator.http;

/**
 * Where the fault switches take their time from: the latency and timeout sleeps and the rate
 * limit's refill. {@link #REAL} by default; a test swaps in a hand-moved one so that it can check
 * a latency or a {@code Retry-After} exactly instead of timing calls.
 */
public interface FaultTiming {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Holds the calling thread for {@code millis} (called only with a positive value). */
    void sleep(long millis) throws InterruptedException;

    /** The machine's own time: {@link System#nanoTime()} and {@link Thread#sleep(long)}. */
    FaultTiming REAL = new FaultTiming() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };
}
