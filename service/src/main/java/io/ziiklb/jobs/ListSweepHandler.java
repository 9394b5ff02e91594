package io.ziiklb.jobs;

import io.ziiklb.integration.SweepStore;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikUserSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WorkKind.LIST_SWEEP}: finds the changes Ziik's user lists show and no delivery announced
 * (a rename, a deactivation or reactivation, a move to another primary unit, a user created or
 * deleted whose delivery was lost): reads both lists, 100 users a call, compares each row with
 * what the last sweep saw, and queues a one-user reconcile for each that differs.
 *
 * <p>The integration's first sweep is the baseline: it stores what it sees and queues nothing
 * (the first full synchronisation, begun before it, covers the users as they were). The
 * reconciles are queued before the rows are stored, so a crash in between reconciles them again
 * rather than miss them.
 */
final class ListSweepHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ListSweepHandler.class);

    private final SweepStore sweeps;
    private final FollowUps followUps;
    private final Clock clock;

    ListSweepHandler(SweepStore sweeps, FollowUps followUps, Clock clock) {
        this.sweeps = sweeps;
        this.followUps = followUps;
        this.clock = clock;
    }

    void work(LiveItem item) {
        String id = item.integrationId();
        ZiikClient ziik = item.ziik();
        List<ZiikUserSummary> rows = new ArrayList<>(ziik.activeUsers());
        rows.addAll(ziik.inactiveUsers());
        boolean baseline = sweeps.state(id).listSweptAt() == null;
        ListComparison found = ListComparison.of(sweeps.seen(id), rows);
        List<Long> reconcile = found.toReconcile();
        if (!baseline && !reconcile.isEmpty()) {
            followUps.reconcileUsers(id, reconcile);
            sweeps.charge(id, SweepBudget.RECONCILE_CALLS * reconcile.size());
            LOG.info("list sweep of integration {}: {} users changed or new, {} gone, each queued for a reconcile", id,
                    found.changed().size(), found.gone().size());
        }
        sweeps.saveListed(id, found.save());
        sweeps.forget(id, found.gone());
        sweeps.listSwept(id, clock.instant());
    }
}
