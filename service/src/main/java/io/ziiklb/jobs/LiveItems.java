package io.ziiklb.jobs;

import io.ziiklb.audit.ActivityLog;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import java.time.Clock;

/** Opens a {@link LiveItem}: for a queued item and for an admin's reconcile of one object alike. */
final class LiveItems {
    private final Connections connections;
    private final ActivityLog activity;
    private final HealthGate health;
    private final Clock clock;

    LiveItems(Connections connections, ActivityLog activity, HealthGate health, Clock clock) {
        this.connections = connections;
        this.activity = activity;
        this.health = health;
        this.clock = clock;
    }

    /**
     * Credentials this instance cannot open put the work off (RetryLater) rather than fail it:
     * work failed for a key would leave the integration "failing" after a restart with the right one.
     */
    LiveItem open(Integration integration) {
        return new LiveItem(integration, connections.openForWork(integration), activity, health, clock, true);
    }

    /** As {@link #open(Integration)}, for queued work: the integration and its secrets read in one go. */
    LiveItem open(IntegrationStore.ForWork work) {
        return new LiveItem(work.integration(), connections.openForWork(work), activity, health, clock,
                work.failing().isPresent());
    }
}
