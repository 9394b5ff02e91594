package io.ziiklb.console;

import io.ziiklb.integration.HeldDeletions;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.SyncService;
import io.ziiklb.queue.WorkQueue;

/** What the integration page's buttons do, each the same call the API makes. */
final class ConsoleActions {
    private final IntegrationService integrations;
    private final SyncService syncs;
    private final HeldDeletions held;
    private final WorkQueue queue;

    ConsoleActions(IntegrationService integrations, SyncService syncs, HeldDeletions held, WorkQueue queue) {
        this.integrations = integrations;
        this.syncs = syncs;
        this.held = held;
        this.queue = queue;
    }

    /** Starts a full synchronisation, or finds the one already running; returns its id. */
    String startSync(Integration integration) {
        try {
            return syncs.start(integrations.requireEnabled(integration.id()));
        } catch (SyncService.AlreadyRunning running) {
            return running.syncId();
        }
    }

    int retryFailed(Integration integration) {
        return queue.retryDead(integrations.requireEnabled(integration.id()).id());
    }

    String confirmHeld(Integration integration, String syncId) {
        return held.confirm(integration.id(), syncId);
    }

    void cancelHeld(Integration integration, String syncId) {
        held.cancel(integration.id(), syncId);
    }
}
