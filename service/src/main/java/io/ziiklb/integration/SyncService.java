package io.ziiklb.integration;

import io.ziiklb.audit.ActivityEntry;
import io.ziiklb.audit.ActivityLog;
import io.ziiklb.http.Sleeper;
import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.WorkHandler;
import io.ziiklb.queue.WorkItem;
import io.ziiklb.queue.WorkKind;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.sync.DeletionGuard;
import io.ziiklb.sync.ExecutionPolicy;
import io.ziiklb.sync.FullSync;
import io.ziiklb.sync.Plan;
import io.ziiklb.sync.SnapshotReader;
import io.ziiklb.sync.StepOutcome;
import io.ziiklb.sync.StepResult;
import io.ziiklb.sync.SyncSettings;
import io.ziiklb.sync.WriteThroughLinkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full synchronisations: started as a durable work item (one per integration at a time, whatever
 * the number of service instances), run by whichever instance's worker claims it, and recorded:
 * each run's progress, its activity and the problems it found. A run whose worker died is taken
 * over when its lease expires and starts again from the top (synchronising is idempotent).
 */
public final class SyncService implements WorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    private static final int ACTIVITY_BATCH = 500;

    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final ActivityLog activity;
    private final ProblemStore problems;
    private final Connections connections;
    private final Clock clock;
    private final Metrics metrics;
    private final WorkQueue queue;
    private final QueueSignal signal;

    public SyncService(IntegrationStore integrations, SyncRunStore runs, ActivityLog activity, ProblemStore problems,
                       Connections connections, Clock clock, Metrics metrics, WorkQueue queue, QueueSignal signal) {
        this.integrations = integrations;
        this.runs = runs;
        this.activity = activity;
        this.problems = problems;
        this.connections = connections;
        this.clock = clock;
        this.metrics = metrics;
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

    /** Whether a full synchronisation of the integration is queued or running, in any instance. */
    public boolean isRunning(String integrationId) {
        return queue.queued(integrationId, WorkKind.FULL_SYNC, 0).isPresent();
    }

    /** The plan a full synchronisation would apply now; writes nothing. */
    public Plan preview(Integration integration) throws InterruptedException {
        Connections.Connected connected = connections.open(integration);
        return fullSync(connected, connected.links()).preview(integration.settings().toSyncSettings(), (phase, done, total) -> { });
    }

    private String start(Integration integration, boolean confirmed) {
        Optional<String> queued = queue.queued(integration.id(), WorkKind.FULL_SYNC, 0);
        if (queued.isPresent()) {
            throw new AlreadyRunning(FullSyncJob.parse(queued.get()).syncId());
        }
        String syncId = UUID.randomUUID().toString();
        runs.insert(new SyncRun(syncId, integration.id(), "running", "queued", 0, 0, SyncRun.Counts.zero(), 0, null,
                clock.instant(), null));
        String stored = queue.enqueue(integration.id(), WorkKind.FULL_SYNC, 0, new FullSyncJob(syncId, confirmed).json());
        String winner = FullSyncJob.parse(stored).syncId();
        if (!winner.equals(syncId)) { // another start got there first: that one runs
            runs.delete(integration.id(), syncId);
            throw new AlreadyRunning(winner);
        }
        signal.nudge();
        return syncId;
    }

    /** Runs a claimed full synchronisation (or one taken over from a worker that died). */
    @Override
    public void handle(WorkItem item) {
        FullSyncJob job = FullSyncJob.parse(item.payload());
        Optional<Integration> integration = integrations.find(item.integrationId());
        if (integration.isEmpty()) {
            return; // removed meanwhile
        }
        Instant now = clock.instant();
        SyncRun run = runs.find(item.integrationId(), job.syncId())
                .filter(r -> !r.finished())
                .orElseGet(() -> { // a run again for hints that came during the last one, or a lost row
                    SyncRun fresh = new SyncRun(UUID.randomUUID().toString(), item.integrationId(), "running", "queued",
                            0, 0, SyncRun.Counts.zero(), 0, null, now, null);
                    runs.insert(fresh);
                    return fresh;
                });
        if (!integration.get().enabled()) { // rule L4: nothing is written while disabled
            runs.update(new SyncRun(run.id(), run.integrationId(), "failed", run.phase(), 0, 0, SyncRun.Counts.zero(), 0,
                    "the integration was disabled before this synchronisation ran", run.startedAt(), now));
            return;
        }
        SyncSettings settings = integration.get().settings().toSyncSettings();
        execute(integration.get(), job.confirmed() ? settings.withGuard(DeletionGuard.off()) : settings, run);
    }

    private void execute(Integration integration, SyncSettings settings, SyncRun initial) {
        AtomicReference<SyncRun> run = new AtomicReference<>(initial);
        ActivityBuffer buffer = new ActivityBuffer(integration.id());
        try {
            Connections.Connected connected = connections.open(integration);
            FullSync sync = fullSync(connected, new WriteThroughLinkStore(connected.links()));
            ProgressWriter progress = new ProgressWriter(run);
            FullSync.Result result = sync.run(settings, progress, step -> {
                metrics.step(step);
                buffer.add(step);
            });
            buffer.flush();
            Map<StepOutcome, Integer> counts = result.report().counts();
            int held = counts.getOrDefault(StepOutcome.HELD, 0);
            List<io.ziiklb.sync.Problem> found = new ArrayList<>(result.plan().problems());
            found.addAll(result.report().problems());
            problems.replace(integration.id(), found, clock.instant());
            String status = result.report().aborted() ? "failed" : held > 0 ? "held" : "done";
            String message = result.report().aborted() ? result.report().abortReason()
                    : held > 0 ? held + " deletions and deactivations are held by the deletion guard: confirm or cancel" : null;
            SyncRun last = run.get();
            run.set(new SyncRun(last.id(), last.integrationId(), status, FullSync.Phase.DONE.name().toLowerCase(),
                    last.total(), last.total(), counts(counts, result.objects()), held, message, last.startedAt(), clock.instant()));
            runs.update(run.get());
            if (result.report().aborted()) {
                integrations.markFailing(integration.id(), result.report().abortReason(), clock.instant());
            } else {
                integrations.clearFailing(integration.id());
            }
            metrics.syncFinished(status, Duration.between(last.startedAt(), clock.instant()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            buffer.flush();
            LOG.warn("synchronisation {} of integration {} failed: {}", initial.id(), integration.id(), e.toString());
            SyncRun last = run.get();
            runs.update(new SyncRun(last.id(), last.integrationId(), "failed", last.phase(), last.done(), last.total(),
                    last.counts(), 0, "failed: " + e.getMessage(), last.startedAt(), clock.instant()));
            metrics.syncFinished("failed", Duration.between(last.startedAt(), clock.instant()));
        }
    }

    private FullSync fullSync(Connections.Connected connected, io.ziiklb.sync.LinkStore links) {
        ExecutionPolicy policy = connected.policy();
        return new FullSync(connected.ziik(), connected.learningbank(), links, policy,
                new SnapshotReader(16, policy, Sleeper.SYSTEM, new Random(), signal::changesInWork), clock, Sleeper.SYSTEM,
                new Random());
    }

    private static SyncRun.Counts counts(Map<StepOutcome, Integer> counts, int objects) {
        int changed = counts.getOrDefault(StepOutcome.CREATED, 0) + counts.getOrDefault(StepOutcome.UPDATED, 0)
                + counts.getOrDefault(StepOutcome.DEACTIVATED, 0) + counts.getOrDefault(StepOutcome.DELETED, 0)
                + counts.getOrDefault(StepOutcome.FAILED, 0);
        return new SyncRun.Counts(counts.getOrDefault(StepOutcome.CREATED, 0), counts.getOrDefault(StepOutcome.UPDATED, 0),
                counts.getOrDefault(StepOutcome.DEACTIVATED, 0), counts.getOrDefault(StepOutcome.DELETED, 0),
                Math.max(0, objects - changed), counts.getOrDefault(StepOutcome.FAILED, 0));
    }

    /** What a step did, as an activity entry. */
    public static ActivityEntry activityEntry(StepResult result, Instant at) {
        var op = result.step().operation();
        String message = result.problem() != null ? result.problem().message() : op.summary();
        return new ActivityEntry(0, at, op.kind().wireName(), op.ziikId(), result.learningbankId(), op.verb(),
                result.outcome().name().toLowerCase(), message);
    }

    /** Writes progress to the run's row, at most every half second and at each new phase. */
    private final class ProgressWriter implements FullSync.Progress {
        private final AtomicReference<SyncRun> run;
        private volatile Instant lastWrite = Instant.MIN;
        private volatile FullSync.Phase lastPhase;

        ProgressWriter(AtomicReference<SyncRun> run) {
            this.run = run;
        }

        @Override
        public synchronized void update(FullSync.Phase phase, int done, int total) {
            SyncRun r = run.get();
            run.set(new SyncRun(r.id(), r.integrationId(), r.status(), phase.name().toLowerCase(), done, total, r.counts(),
                    r.held(), r.message(), r.startedAt(), null));
            Instant now = clock.instant();
            if (phase != lastPhase || Duration.between(lastWrite, now).compareTo(PROGRESS_EVERY) >= 0) {
                lastPhase = phase;
                lastWrite = now;
                runs.update(run.get());
            }
        }
    }

    /** Collects step results as activity entries and writes them in batches. */
    private final class ActivityBuffer {
        private final String integrationId;
        private final List<ActivityEntry> pending = new ArrayList<>();

        ActivityBuffer(String integrationId) {
            this.integrationId = integrationId;
        }

        synchronized void add(StepResult result) {
            pending.add(activityEntry(result, clock.instant()));
            if (pending.size() >= ACTIVITY_BATCH) {
                flush();
            }
        }

        synchronized void flush() {
            activity.append(integrationId, List.copyOf(pending));
            pending.clear();
        }
    }
}
