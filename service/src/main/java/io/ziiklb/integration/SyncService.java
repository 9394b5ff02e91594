package io.ziiklb.integration;

import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.WorkKind;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.sync.FullSync;
import io.ziiklb.sync.LinkStore;
import io.ziiklb.sync.SyncContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Full synchronisations: started as a durable work item (one per integration at a time, whatever
 * the number of service instances), run by whichever instance's worker claims it (the full-sync
 * job in {@code io.ziiklb.jobs}), which records each run's progress, activity and problems.
 */
public final class SyncService {
    private static final Duration STOP_POLL = Duration.ofMillis(100);

    private final SyncRunStore runs;
    private final Connections connections;
    private final Clock clock;
    private final WorkQueue queue;
    private final QueueSignal signal;

    public SyncService(SyncRunStore runs, Connections connections, Clock clock, WorkQueue queue, QueueSignal signal) {
        this.runs = runs;
        this.connections = connections;
        this.clock = clock;
        this.queue = queue;
        this.signal = signal;
    }

    /** Thrown when a synchronisation of the integration is already running. */
    public static final class AlreadyRunning extends RuntimeException {
        private final String syncId;

        AlreadyRunning(String syncId) {
            super("a synchronisation is already running: " + syncId);
            this.syncId = syncId;
        }

        public String syncId() {
            return syncId;
        }
    }

    /** Starts a full synchronisation; returns its id at once. */
    public String start(Integration integration) {
        return start(integration, false);
    }

    /** Starts a full synchronisation that applies the deletions an admin confirmed (the guard is off). */
    public String startConfirmed(Integration integration) {
        return start(integration, true);
    }

    /**
     * A delivery hinted at a change: reconcile. Coalesces with a synchronisation already queued, and
     * one already running runs again once done, so nothing that changed meanwhile is missed.
     */
    public void hint(Integration integration) {
        try {
            start(integration, false);
        } catch (AlreadyRunning queuedOrRunning) {
            queue.enqueue(integration.id(), WorkKind.FULL_SYNC, 0, null);
            signal.nudge();
        }
    }

    /**
     * Stops the integration's full synchronisation, queued or running in whichever instance: a
     * queued one is dropped, a running one is marked stopped and its runner stops at its next
     * progress (within a second; the steps in flight end first). Returns whether none runs any
     * more within {@code wait} (false when the instance running it died: its lease runs out later).
     */
    public boolean stop(String integrationId, String reason, Duration wait) {
        queue.dropUnclaimed(integrationId, WorkKind.FULL_SYNC, 0);
        runs.stopRunning(integrationId, reason, clock.instant());
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(integrationId) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(STOP_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            queue.dropUnclaimed(integrationId, WorkKind.FULL_SYNC, 0); // hints during the run asked for it again
        }
        return !isRunning(integrationId);
    }

    /** Whether a full synchronisation of the integration is queued or running, in any instance. */
    public boolean isRunning(String integrationId) {
        return queue.queued(integrationId, WorkKind.FULL_SYNC, 0).isPresent();
    }

    /** The plan a full synchronisation would apply now, with the names it concerns; writes nothing. */
    public FullSync.Preview preview(Integration integration) throws InterruptedException {
        Connections.Connected connected = connections.open(integration);
        return fullSync(connected, connected.links(), signal).preview(integration.settings().toSyncSettings(), (phase, done, total) -> { });
    }

    private String start(Integration integration, boolean confirmed) {
        Optional<String> queued = queue.queued(integration.id(), WorkKind.FULL_SYNC, 0);
        if (queued.isPresent()) {
            throw new AlreadyRunning(FullSyncJob.parse(queued.get()).syncId());
        }
        String syncId = UUID.randomUUID().toString();
        runs.insert(new SyncRun(syncId, integration.id(), RunStatus.RUNNING.wireName(), "queued", 0, 0, SyncRun.Counts.zero(),
                0, null, clock.instant(), null));
        String stored = queue.enqueue(integration.id(), WorkKind.FULL_SYNC, 0, new FullSyncJob(syncId, confirmed).json());
        String winner = FullSyncJob.parse(stored).syncId();
        if (!winner.equals(syncId)) { // another start got there first: that one runs
            runs.delete(integration.id(), syncId);
            throw new AlreadyRunning(winner);
        }
        signal.nudge();
        return syncId;
    }

    /**
     * A full synchronisation's engine over the connection: it reads Ziik while giving way to
     * changes being worked ({@link QueueSignal#changesInWork}).
     */
    public static FullSync fullSync(Connections.Connected connected, LinkStore links, QueueSignal signal) {
        SyncContext context = connected.context().withLinks(links);
        return new FullSync(context, context.reader(16, signal::changesInWork));
    }
}
