package io.ziiklb.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the queue in this process: claims as many due items as it has free workers, renews their
 * leases while the work runs, and completes or fails each. Several processes may run one each on
 * the same database. Background work (the queue's background kinds) runs on at most
 * {@code workers} at once, as before; changes may also use half as many workers again, kept for
 * them, so they find a worker even while a burst of background work takes every other. While it
 * works on changes it says so on the {@link QueueSignal}, so that background work can give way.
 * {@link #stop()} stops claiming; work under way finishes, or its lease expires and another process
 * takes it over.
 *
 * <p>Two timers per kind show where a change's time goes: {@code ziiklb_queue_wait_seconds} from
 * when an item fell due until a worker claimed it, and {@code ziiklb_queue_work_seconds} for the
 * work itself (with the outcome: done, retry or dead).
 */
public final class QueueWorker {
    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);

    private final WorkQueue queue;
    private final Map<WorkKind, WorkHandler> handlers;
    private final WorkerPolicy policy;
    private final Retries retries;
    private final QueueSignal signal;
    private final MeterRegistry meters;
    private final String name;
    private final Semaphore free;
    /** Workers that may run background work at once (the rest are kept for changes), and how many do. */
    private final int backgroundWorkers;
    private final java.util.concurrent.atomic.AtomicInteger backgroundRunning = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Thread dispatcher;

    public QueueWorker(WorkQueue queue, Map<WorkKind, WorkHandler> handlers, WorkerPolicy policy, Retries retries,
                       QueueSignal signal, MeterRegistry meters) {
        this.queue = queue;
        this.handlers = Map.copyOf(handlers);
        this.policy = policy;
        this.retries = retries;
        this.signal = signal;
        this.meters = meters;
        this.name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.backgroundWorkers = policy.workers();
        this.free = new Semaphore(policy.workers() + Math.max(1, policy.workers() / 2));
    }

    /** Starts working the queue; with no workers configured this instance only takes work in. */
    public synchronized void start() {
        if (policy.workers() == 0) {
            LOG.info("no queue workers configured: this instance does not work the queue");
            return;
        }
        if (dispatcher == null) {
            dispatcher = Thread.ofVirtual().name("queue-dispatcher").start(this::dispatch);
        }
    }

    public synchronized void stop() {
        if (dispatcher != null) {
            dispatcher.interrupt();
            dispatcher = null;
        }
    }

    private void dispatch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                free.acquire();
                int slots = 1 + free.drainPermits();
                List<WorkItem> claimed;
                try {
                    claimed = queue.claim(name, slots, policy.lease(), Math.max(0, backgroundWorkers - backgroundRunning.get()));
                } finally {
                    free.release(slots);
                }
                free.acquireUninterruptibly(claimed.size());
                for (WorkItem item : claimed) {
                    if (queue.isBackground(item.kind())) {
                        backgroundRunning.incrementAndGet();
                    } else {
                        signal.changeStarted();
                    }
                    Thread.ofVirtual().name("work-" + item.kind() + "-" + item.id()).start(() -> work(item));
                }
                if (claimed.isEmpty()) {
                    signal.await(policy.poll());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) { // the database is away: try again after a pause
                LOG.warn("could not claim work: {}", e.toString());
                pause(policy.poll());
            }
        }
    }

    private void work(WorkItem item) {
        long started = System.nanoTime();
        // by the queue's clock, which set the due time: the injected clock, not the wall clock
        Duration waited = Duration.between(item.dueAt(), queue.now());
        timer("ziiklb.queue.wait", "Queued work, from falling due until claimed", item.kind(), null)
                .record(waited.isNegative() ? Duration.ZERO : waited);
        Thread renewer = Thread.ofVirtual().start(() -> renewWhileRunning(item));
        String outcome = "retry";
        boolean readyAgain = false;
        try {
            WorkHandler handler = handlers.get(item.kind());
            if (handler == null) {
                outcome = "dead";
                queue.fail(item, name, "no handler for work of kind " + item.kind(), Duration.ZERO, true);
                return;
            }
            handler.handle(item);
            readyAgain = queue.complete(item, name);
            outcome = "done";
        } catch (RetryLater e) { // the peer's health, not the item's fault: never a dead letter
            queue.fail(item, name, e.getMessage(), e.waitFor(), false);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            boolean dead = retries.exhausted(item.attempts());
            outcome = dead ? "dead" : "retry";
            LOG.warn("{} {} of integration {} failed (attempt {}{}): {}", item.kind(), item.ziikId(), item.integrationId(),
                    item.attempts(), dead ? ", now a dead letter" : "", e.toString());
            queue.fail(item, name, e.toString(), retries.backoff(item.attempts()), dead);
        } finally {
            timer("ziiklb.queue.work", "Queued work, claimed until completed or failed", item.kind(), outcome)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            renewer.interrupt();
            if (queue.isBackground(item.kind())) {
                backgroundRunning.decrementAndGet();
            } else {
                signal.changeFinished();
            }
            free.release();
            // the dispatcher claims again as soon as a worker is free, and waits for a nudge only after
            // a claim found nothing; new work nudges by itself. So a change done for good needs no
            // nudge (it was an empty claim per change); one that is ready again, failed (its retry
            // may be due at once) or freed a background worker does
            if (readyAgain || !outcome.equals("done") || queue.isBackground(item.kind())) {
                signal.nudge();
            }
        }
    }

    private Timer timer(String name, String description, WorkKind kind, String outcome) {
        Timer.Builder builder = Timer.builder(name).description(description).tag("kind", kind.wireName())
                .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofMinutes(2));
        return (outcome == null ? builder : builder.tag("outcome", outcome)).register(meters);
    }

    private void renewWhileRunning(WorkItem item) {
        try {
            while (true) {
                Thread.sleep(policy.renewEvery());
                if (!queue.renew(item, name, policy.lease())) {
                    LOG.warn("lost the lease on {} {} of integration {}", item.kind(), item.ziikId(), item.integrationId());
                    return;
                }
            }
        } catch (InterruptedException done) {
            // the work ended
        } catch (RuntimeException e) {
            LOG.warn("could not renew a lease: {}", e.toString());
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
