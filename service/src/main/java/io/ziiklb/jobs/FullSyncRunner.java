package io.ziiklb.jobs;

import io.ziiklb.audit.ActivityLog;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.FullSyncJob;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.Metrics;
import io.ziiklb.audit.ProblemStore;
import io.ziiklb.integration.RunStatus;
import io.ziiklb.integration.SyncRun;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.WorkHandler;
import io.ziiklb.queue.WorkItem;
import io.ziiklb.sync.DeletionGuard;
import io.ziiklb.sync.FullSync;
import io.ziiklb.sync.Problem;
import io.ziiklb.sync.StepOutcome;
import io.ziiklb.sync.StepResult;
import io.ziiklb.sync.SyncSettings;
import io.ziiklb.sync.WriteThroughLinkStore;
import io.ziiklb.sync.WritesStopped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WorkKind.FULL_SYNC}: runs a claimed full synchronisation (one {@link SyncService} queued,
 * or one taken over from a worker that died, which starts again from the top: synchronising is
 * idempotent) and records it: the run's progress and outcome, its activity and the problems it found.
 */
public final class FullSyncRunner implements WorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FullSyncRunner.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    private static final int ACTIVITY_BATCH = 500;

    /** Where a run is recorded: its row, its activity, the problems it found, and the metrics. */
    public record RunRecords(SyncRunStore runs, ActivityLog activity, ProblemStore problems, Metrics metrics) {
    }

    private final IntegrationStore integrations;
    private final RunRecords records;
    private final Connections connections;
    private final QueueSignal signal;
    private final Clock clock;

    public FullSyncRunner(IntegrationStore integrations, RunRecords records, Connections connections, QueueSignal signal,
                          Clock clock) {
        this.integrations = integrations;
        this.records = records;
        this.connections = connections;
        this.signal = signal;
        this.clock = clock;
    }

    @Override
    public void handle(WorkItem item) {
        FullSyncJob job = FullSyncJob.parse(item.payload());
        Optional<Integration> integration = integrations.find(item.integrationId());
        if (integration.isEmpty()) {
            return; // removed meanwhile
        }
        Instant now = clock.instant();
        SyncRun run = records.runs().find(item.integrationId(), job.syncId())
                .filter(r -> !r.finished())
                .orElseGet(() -> { // a run again for hints that came during the last one, or a lost row
                    SyncRun fresh = new SyncRun(UUID.randomUUID().toString(), item.integrationId(),
                            RunStatus.RUNNING.wireName(), "queued", 0, 0, SyncRun.Counts.zero(), 0, null, now, null);
                    records.runs().insert(fresh);
                    return fresh;
                });
        if (!integration.get().enabled()) { // rule L4: nothing is written while disabled
            LOG.info("synchronisation {} of integration {} not run: the integration is disabled", run.id(), item.integrationId());
            records.runs().update(new SyncRun(run.id(), run.integrationId(), RunStatus.FAILED.wireName(), run.phase(), 0, 0,
                    SyncRun.Counts.zero(), 0, SyncRun.stoppedMessage("the integration was disabled before this synchronisation ran"),
                    run.startedAt(), now));
            return;
        }
        SyncSettings settings = integration.get().settings().toSyncSettings();
        execute(integration.get(), job.confirmed() ? settings.withGuard(DeletionGuard.off()) : settings, run);
    }

    private void execute(Integration integration, SyncSettings settings, SyncRun initial) {
        RunProgress progress = new RunProgress(records.runs(), initial, clock, PROGRESS_EVERY);
        ActivityBuffer buffer = new ActivityBuffer(integration.id());
        // credentials this instance cannot open put the run off (RetryLater), not fail it: a run
        // failed for a key would leave the integration "failing" after a restart with the right one
        Connections.Connected connected = connections.openForWork(integration);
        LOG.info("synchronisation {} of integration {} started", initial.id(), integration.id());
        try {
            FullSync sync = SyncService.fullSync(connected, new WriteThroughLinkStore(connected.links()), signal);
            FullSync.Result result = sync.run(settings, progress, step -> {
                records.metrics().step(step);
                progress.stepEnded(step);
                buffer.add(step);
            });
            buffer.flush();
            Map<StepOutcome, Integer> counts = result.report().counts();
            int held = counts.getOrDefault(StepOutcome.HELD, 0);
            List<Problem> found = new ArrayList<>(result.plan().problems());
            found.addAll(result.report().problems());
            records.problems().replace(integration.id(), found, clock.instant());
            RunStatus status = result.report().aborted() ? RunStatus.FAILED : held > 0 ? RunStatus.HELD : RunStatus.DONE;
            String message = result.report().aborted() ? result.report().abortReason()
                    : held > 0 ? held + " deletions and deactivations are held by the deletion guard: confirm or cancel" : null;
            SyncRun last = progress.current();
            SyncRun finished = new SyncRun(last.id(), last.integrationId(), status.wireName(),
                    FullSync.Phase.DONE.name().toLowerCase(), last.total(), last.total(), counts(counts, result.objects()), held,
                    message, last.startedAt(), clock.instant());
            records.runs().update(finished);
            if (result.report().aborted()) {
                integrations.markFailing(integration.id(), result.report().abortReason(), clock.instant());
            } else {
                integrations.clearFailing(integration.id());
            }
            ended(finished, found.size());
        } catch (WritesStopped e) { // disabled (rule L4) while it ran: not a failure of Learningbank, the integration is not failing
            buffer.flush();
            endFailed(progress, SyncRun.stoppedMessage(e.getMessage() + " while it ran; the rest was not written"));
        } catch (RunProgress.Stopped e) { // the run's row already says why; nothing is written over it
            buffer.flush();
            LOG.info("synchronisation {} of integration {} stopped: its run no longer runs", initial.id(), integration.id());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            buffer.flush();
            LOG.warn("synchronisation {} of integration {} failed: {}", initial.id(), integration.id(), e.toString());
            endFailed(progress, "failed: " + e.getMessage());
        }
    }

    /** Ends the run as failed where it stood, saying why. */
    private void endFailed(RunProgress progress, String message) {
        SyncRun last = progress.current();
        SyncRun failed = new SyncRun(last.id(), last.integrationId(), RunStatus.FAILED.wireName(), last.phase(),
                last.done(), last.total(), last.counts(), 0, message, last.startedAt(), clock.instant());
        records.runs().update(failed);
        ended(failed, 0);
    }

    /** The run's one line at its end (with the one at its start, all a synchronisation logs at INFO), and its duration metric. */
    private void ended(SyncRun run, int problems) {
        Duration took = Duration.between(run.startedAt(), run.finishedAt());
        SyncRun.Counts c = run.counts();
        LOG.info("synchronisation {} of integration {} {} in {} ms: {} steps, created {}, updated {}, deactivated {},"
                        + " deleted {}, unchanged {}, failed {}, held {}, problems {}", run.id(), run.integrationId(), run.status(),
                took.toMillis(), run.total(), c.created(), c.updated(), c.deactivated(), c.deleted(), c.unchanged(), c.failed(),
                run.held(), problems);
        records.metrics().syncFinished(run.status(), took);
    }

    private static SyncRun.Counts counts(Map<StepOutcome, Integer> counts, int objects) {
        int changed = counts.getOrDefault(StepOutcome.CREATED, 0) + counts.getOrDefault(StepOutcome.UPDATED, 0)
                + counts.getOrDefault(StepOutcome.DEACTIVATED, 0) + counts.getOrDefault(StepOutcome.DELETED, 0)
                + counts.getOrDefault(StepOutcome.FAILED, 0);
        return new SyncRun.Counts(counts.getOrDefault(StepOutcome.CREATED, 0), counts.getOrDefault(StepOutcome.UPDATED, 0),
                counts.getOrDefault(StepOutcome.DEACTIVATED, 0), counts.getOrDefault(StepOutcome.DELETED, 0),
                Math.max(0, objects - changed), counts.getOrDefault(StepOutcome.FAILED, 0));
    }

    /** Collects step results as activity entries and writes them in batches. */
    private final class ActivityBuffer {
        private final String integrationId;
        private final List<io.ziiklb.audit.ActivityEntry> pending = new ArrayList<>();

        ActivityBuffer(String integrationId) {
            this.integrationId = integrationId;
        }

        synchronized void add(StepResult result) {
            pending.add(ActivityEntries.of(result, clock.instant()));
            if (pending.size() >= ACTIVITY_BATCH) {
                flush();
            }
        }

        synchronized void flush() {
            records.activity().append(integrationId, List.copyOf(pending));
            pending.clear();
        }
    }
}
