package io.ziiklb.jobs;

import io.ziiklb.audit.ProblemStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.sync.ObjectKind;
import io.ziiklb.sync.Problem;
import io.ziiklb.sync.UnitsReconciler;
import java.time.Clock;
import java.util.List;

/**
 * {@code WorkKind.UNITS}: reconciles the unit tree (the departments, and the users of departments
 * being deleted), keeps the tree it read for placing users, and queues the users a name conflict
 * (rule U6) now places elsewhere. When the deletion guard trips, a full synchronisation asks the admin.
 */
final class UnitTreeHandler {
    private final SharedObjectLocks locks;
    private final ProblemStore problems;
    private final KeptReads reads;
    private final FollowUps followUps;
    private final SyncService syncs;
    private final Clock clock;

    UnitTreeHandler(SharedObjectLocks locks, ProblemStore problems, KeptReads reads, FollowUps followUps,
                    SyncService syncs, Clock clock) {
        this.locks = locks;
        this.problems = problems;
        this.reads = reads;
        this.followUps = followUps;
        this.syncs = syncs;
        this.clock = clock;
    }

    void work(LiveItem item) throws InterruptedException {
        settle(item, reconcile(item));
    }

    /**
     * Reconciles the tree, keeps it, queues the users it re-places and records its problems, but
     * does not settle the item: {@link #settle} does, after the caller has read the result.
     */
    UnitsReconciler.Result reconcile(LiveItem item) throws InterruptedException {
        UnitsReconciler.Result result;
        synchronized (locks.of(item.integrationId())) {
            result = new UnitsReconciler(item.context()).reconcile(item.settings(), item.record());
        }
        reads.keepTree(item.integrationId(), result.tree(), result.nameConflicts());
        // a conflicted unit's members go elsewhere now (rule U6); after the tree is kept, so that this
        // instance places them by it, and before settling, which may retry later
        followUps.reconcileUsers(item.integrationId(), result.replacing());
        if (!result.neverSynchronised()) {
            List<Problem> found = LiveItem.found(result.plan(), result.report());
            problems.replaceKind(item.integrationId(), ObjectKind.DEPARTMENT, found, clock.instant());
            problems.replaceFor(item.integrationId(), ObjectKind.USER, result.users(), found, clock.instant());
        }
        return result;
    }

    /** Records the activity, judges the health, and has a full synchronisation ask the admin when the guard tripped. */
    void settle(LiveItem item, UnitsReconciler.Result result) {
        if (result.neverSynchronised()) {
            return;
        }
        item.settle(result.report());
        if (result.needsFullSync()) { // the deletion guard tripped: a full synchronisation asks the admin
            syncs.hint(item.integration());
        }
    }
}
