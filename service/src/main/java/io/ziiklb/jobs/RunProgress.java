package io.ziiklb.jobs;

import io.ziiklb.integration.SyncRun;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.sync.FullSync;
import io.ziiklb.sync.StepOutcome;
import io.ziiklb.sync.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A running synchronisation's progress as {@code GET .../syncs/{syncId}} shows it while it runs:
 * the phase, done of total, and the counts of the steps ended so far. Steps end on several threads
 * at once; the row is written at each new phase and otherwise at most every {@code every}, so a
 * plan of 100,000 steps costs a handful of writes a second, not one per step. What is unchanged is
 * only known at the end (the objects compared less those changed), so it stays 0 until then. A
 * write the row refuses (the run was stopped or ended elsewhere) stops the synchronisation.
 */
final class RunProgress implements FullSync.Progress {
    private final SyncRunStore runs;
    private final Clock clock;
    private final Duration every;
    private final Map<StepOutcome, Integer> ended = new EnumMap<>(StepOutcome.class);
    private SyncRun run;
    private Instant lastWrite = Instant.MIN;
    private FullSync.Phase lastPhase;

    RunProgress(SyncRunStore runs, SyncRun initial, Clock clock, Duration every) {
        this.runs = runs;
        this.run = initial;
        this.clock = clock;
        this.every = every;
    }

    /** Counts a step that ended; written with the next progress update. */
    synchronized void stepEnded(StepResult result) {
        ended.merge(result.outcome(), 1, Integer::sum);
    }

    @Override
    public synchronized void update(FullSync.Phase phase, int done, int total) {
        run = new SyncRun(run.id(), run.integrationId(), run.status(), phase.name().toLowerCase(), done, total,
                countsSoFar(), run.held(), run.message(), run.startedAt(), null);
        Instant now = clock.instant();
        if (phase != lastPhase || !now.isBefore(lastWrite.plus(every))) {
            lastPhase = phase;
            lastWrite = now;
            if (!runs.progress(run)) {
                throw new Stopped();
            }
        }
    }

    /**
     * The run no longer runs by its row: it was stopped (its integration is being removed), or
     * another instance took it over and finished it. Whatever reads or applies it ends here.
     */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the synchronisation no longer runs", null, false, false);
        }
    }

    /** The run as last updated. */
    synchronized SyncRun current() {
        return run;
    }

    private SyncRun.Counts countsSoFar() {
        return new SyncRun.Counts(ended.getOrDefault(StepOutcome.CREATED, 0), ended.getOrDefault(StepOutcome.UPDATED, 0),
                ended.getOrDefault(StepOutcome.DEACTIVATED, 0), ended.getOrDefault(StepOutcome.DELETED, 0), 0,
                ended.getOrDefault(StepOutcome.FAILED, 0));
    }
}
