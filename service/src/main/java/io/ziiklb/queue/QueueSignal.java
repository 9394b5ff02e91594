package io.ziiklb.queue;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes this process's worker when something was enqueued here, so it need not wait for its next poll. */
public final class QueueSignal {
    private final Semaphore signal = new Semaphore(0);

    public void nudge() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits for a nudge, at most {@code limit}. */
    void await(Duration limit) throws InterruptedException {
        if (signal.tryAcquire(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
