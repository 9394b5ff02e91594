package io.ziiklb.integration;

import io.ziiklb.http.ApiProblem;
import java.util.Map;

/**
 * Rule L6: a full synchronisation whose deactivations and deletions the deletion guard held waits
 * for an admin, who confirms them (a new synchronisation applies them) or cancels them (the run
 * ends as done, nothing is deleted).
 */
public final class HeldDeletions {
    private final IntegrationService integrations;
    private final IntegrationStatusQuery status;
    private final SyncService syncs;
    private final SyncRunStore runs;

    public HeldDeletions(IntegrationService integrations, IntegrationStatusQuery status, SyncService syncs, SyncRunStore runs) {
        this.integrations = integrations;
        this.status = status;
        this.syncs = syncs;
        this.runs = runs;
    }

    /** Whether the guard holds this run's deletions. The one place that reads a run's held status. */
    static boolean holds(SyncRun run) {
        return run.runStatus() == RunStatus.HELD;
    }

    /** @return the id of the synchronisation that applies the held deletions */
    public String confirm(String integrationId, String syncId) {
        Integration integration = integrations.requireEnabled(integrationId);
        held(integrationId, syncId);
        return syncs.startConfirmed(integration);
    }

    /** @return the run, now done, with nothing held */
    public SyncRun cancel(String integrationId, String syncId) {
        SyncRun held = held(integrationId, syncId);
        SyncRun cancelled = new SyncRun(held.id(), held.integrationId(), RunStatus.DONE.wireName(), held.phase(), held.done(), held.total(),
                held.counts(), 0, "held deletions were cancelled by an admin", held.startedAt(), held.finishedAt());
        runs.update(cancelled);
        return cancelled;
    }

    private SyncRun held(String integrationId, String syncId) {
        SyncRun run = status.run(integrationId, syncId);
        if (!holds(run)) {
            throw new ApiProblem(409, "not_held", "this synchronisation holds no deletions (status " + run.status() + ")", Map.of());
        }
        return run;
    }
}
