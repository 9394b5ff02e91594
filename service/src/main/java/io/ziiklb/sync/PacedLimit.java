package io.ziiklb.sync;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many tasks run at once: {@code wide} normally, {@code narrow} while the {@link Pace}
 * says others are waiting. A task looks at the pace when it is next in line, and again every few
 * milliseconds while it waits for a narrow place, so the bound follows the others' work closely.
 * Thread-safe.
 */
final class PacedLimit {
    /** A task that may be interrupted. */
    @FunctionalInterface
    interface Task {
        void run() throws InterruptedException;
    }

    private static final long RECHECK_MILLIS = 5;

    private final Semaphore wide;
    private final Semaphore narrow;
    private final Pace pace;

    PacedLimit(int wide, int narrow, Pace pace) {
        this.wide = new Semaphore(wide);
        this.narrow = new Semaphore(Math.min(narrow, wide));
        this.pace = pace;
    }

    void run(Task task) throws InterruptedException {
        wide.acquire();
        boolean givingWay = false;
        try {
            while (!givingWay && pace.othersWaiting()) { // look again while waiting: the others may be done
                givingWay = narrow.tryAcquire(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
            task.run();
        } finally {
            if (givingWay) {
                narrow.release();
            }
            wide.release();
        }
    }
}
