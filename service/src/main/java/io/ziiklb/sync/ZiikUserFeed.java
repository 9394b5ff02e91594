package io.ziiklb.sync;

import io.ziiklb.ziik.ZiikReads;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ziik's users, read in the background while the synchronisation reads Learningbank and applies
 * what it has: {@link #next()} gives each user as it comes in. The queue holds users read but not
 * planned yet: planning a user takes microseconds, reading one tens of milliseconds, so it stays short.
 */
final class ZiikUserFeed implements AutoCloseable {
    /** What the reading thread puts last: the end, or why it failed. */
    private record End(RuntimeException failure) {
    }

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final AtomicInteger total = new AtomicInteger(-1);
    private final AtomicInteger read = new AtomicInteger();
    private final ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor();
    private final Future<?> reading;
    private boolean ended;

    ZiikUserFeed(SnapshotReader reader, ZiikReads ziik) {
        reading = thread.submit(() -> {
            RuntimeException failure = null;
            try {
                reader.readZiikUsers(ziik, total::set, arrived::add, read::incrementAndGet);
            } catch (InterruptedException e) {
                failure = new IllegalStateException("reading Ziik's users was interrupted");
            } catch (RuntimeException e) {
                failure = e;
            }
            arrived.add(new End(failure));
        });
    }

    /**
     * The next user read, waiting for it; null once every user has been read.
     *
     * @throws RuntimeException why reading failed (a read that kept failing)
     */
    ZiikPerson next() throws InterruptedException {
        if (ended) {
            return null;
        }
        Object next = arrived.take();
        if (next instanceof End end) {
            ended = true;
            if (end.failure() != null) {
                throw end.failure();
            }
            return null;
        }
        return (ZiikPerson) next;
    }

    /** Users read so far (found, or gone meanwhile). */
    int read() {
        return read.get();
    }

    /** How many users there are to read; 0 until Ziik's lists are in. */
    int total() {
        return Math.max(0, total.get());
    }

    /** Stops reading, if it has not ended. */
    @Override
    public void close() {
        reading.cancel(true);
        thread.shutdownNow();
        thread.close();
    }
}
