package io.ziiklb.jobs;

import io.ziiklb.audit.ActivityLog;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SweepStore;
import io.ziiklb.audit.ProblemStore;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.queue.HintWriter;
import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.WorkQueue;
import java.time.Clock;
import java.time.Duration;

/**
 * The live synchronisation, assembled: {@link LiveSync} takes hints and polls in, {@link LiveWork}
 * works them, {@link OnDemandSync} reconciles one object when an admin asks. One instance's pieces
 * share its kept reads, locks and health probes.
 */
public record LiveJobs(LiveSync hints, LiveWork work, OnDemandSync onDemand) {

    /** The stores live work reads and writes. */
    public record Stores(IntegrationStore integrations, SyncRunStore runs, ProblemStore problems, ActivityLog activity,
                         SweepStore sweeps) {
    }

    /** The queue, and what writes to it and wakes its workers. */
    public record Queueing(WorkQueue queue, HintWriter hints, QueueSignal signal) {
    }

    /**
     * @param healthPause how long a failing integration's work is held back between probes
     */
    public static LiveJobs create(Stores stores, Queueing queueing, Connections connections, SyncService syncs,
                                  Clock clock, Duration healthPause) {
        SharedObjectLocks locks = new SharedObjectLocks();
        KeptReads reads = new KeptReads(clock);
        FollowUps followUps = new FollowUps(queueing.queue(), queueing.signal());
        RolePollHandler roles = new RolePollHandler(locks, stores.problems(), followUps, clock);
        UnitTreeHandler units = new UnitTreeHandler(locks, stores.problems(), reads, followUps, syncs, clock);
        UserReconcileHandler user = new UserReconcileHandler(locks, reads, units, roles, stores.problems(), stores.sweeps(),
                clock);
        HealthGate health = new HealthGate(stores.integrations(), queueing.queue(), clock, healthPause);
        LiveItems items = new LiveItems(connections, stores.activity(), health, clock);
        LiveWork work = new LiveWork(stores.integrations(), items, health, new LiveWork.Handlers(user, units, roles,
                new ListSweepHandler(stores.sweeps(), followUps, clock), new DeepSweepHandler(stores.sweeps(), followUps)));
        LiveSync hints = new LiveSync(new FirstSyncGate(stores.runs()), queueing.hints(), queueing.queue(),
                queueing.signal());
        return new LiveJobs(hints, work, new OnDemandSync(items, user, units));
    }
}
