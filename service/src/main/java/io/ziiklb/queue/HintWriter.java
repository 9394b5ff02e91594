package io.ziiklb.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes hints in group commits: a caller waits while its hint goes into the next transaction with
 * every other hint that arrived meanwhile, so a burst of deliveries costs a few commits instead of
 * one each. Returns only once its hint is committed (durable). If a batch fails, its hints are
 * written one by one, so one bad hint (an integration removed meanwhile) fails alone.
 */
public final class HintWriter implements AutoCloseable {
    private static final int MAX_BATCH = 500;

    private record Pending(WorkQueue.Key key, CompletableFuture<Void> written) {
    }

    private final WorkQueue queue;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread writer;

    public HintWriter(WorkQueue queue) {
        this.queue = queue;
        this.writer = Thread.ofVirtual().name("hint-writer").start(this::write);
    }

    /**
     * Queues the hint durably; returns once it is committed.
     *
     * @throws RuntimeException what writing it threw (e.g. the integration no longer exists)
     */
    public void hint(String integrationId, WorkKind kind, long ziikId) throws InterruptedException {
        Pending p = new Pending(new WorkQueue.Key(integrationId, kind, ziikId), new CompletableFuture<>());
        pending.add(p);
        try {
            p.written().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(pending.take());
                pending.drainTo(batch, MAX_BATCH - 1);
                try {
                    queue.hints(batch.stream().map(Pending::key).toList());
                    batch.forEach(p -> p.written().complete(null));
                } catch (RuntimeException batchFailed) {
                    for (Pending p : batch) {
                        try {
                            queue.hint(p.key().integrationId(), p.key().kind(), p.key().ziikId());
                            p.written().complete(null);
                        } catch (RuntimeException e) {
                            p.written().completeExceptionally(e);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void close() {
        writer.interrupt();
    }
}
