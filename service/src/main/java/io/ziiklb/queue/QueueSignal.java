package io.ziiklb.queue;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this process's queue worker and the rest of the process tell each other: a nudge when
 * something was enqueued here, so the worker need not wait for its next poll; and how many changes
 * (items of kinds that are not background work) the worker has in hand, so that background work
 * can give way to them.
 */
public final class QueueSignal {
    private final Semaphore signal = new Semaphore(0);
    private final AtomicInteger changesInWork = new AtomicInteger();

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

    void changeStarted() {
        changesInWork.incrementAndGet();
    }

    void changeFinished() {
        changesInWork.decrementAndGet();
    }

    /** Whether this process's worker is working on a change now. */
    public boolean changesInWork() {
        return changesInWork.get() > 0;
    }
}
