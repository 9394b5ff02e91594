package io.ziiklb.jobs;

import io.ziiklb.audit.ProblemStore;
import io.ziiklb.integration.SweepStore;
import io.ziiklb.sync.ObjectKind;
import io.ziiklb.sync.UserReconciler;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code WorkKind.USER}: reconciles one Ziik user, placed by the kept tree. A user who refers to a
 * unit or role not linked yet has the tree or the roles reconciled first (on the same item), then
 * is placed once. One reconcile of a user at a time on this instance ({@link SharedObjectLocks#ofUser}),
 * whether queued or asked for by an admin ({@link OnDemandSync}).
 */
final class UserReconcileHandler {
    private final SharedObjectLocks locks;
    private final KeptReads reads;
    private final UnitTreeHandler units;
    private final RolePollHandler roles;
    private final ProblemStore problems;
    private final SweepStore sweeps;
    private final Clock clock;

    UserReconcileHandler(SharedObjectLocks locks, KeptReads reads, UnitTreeHandler units, RolePollHandler roles,
                         ProblemStore problems, SweepStore sweeps, Clock clock) {
        this.locks = locks;
        this.reads = reads;
        this.units = units;
        this.roles = roles;
        this.problems = problems;
        this.sweeps = sweeps;
        this.clock = clock;
    }

    void work(LiveItem item, long ziikUserId) throws InterruptedException {
        UserReconciler.Result result = reconcile(item, ziikUserId);
        if (!result.neverSynchronised()) {
            item.settle(result.report());
        }
    }

    /**
     * Reconciles the user and records its problems, but does not settle the item (its activity and
     * the integration's health): the caller does, after reading the result.
     */
    UserReconciler.Result reconcile(LiveItem item, long ziikUserId) throws InterruptedException {
        synchronized (locks.ofUser(item.integrationId(), ziikUserId)) {
            return reconcileHeld(item, ziikUserId);
        }
    }

    private UserReconciler.Result reconcileHeld(LiveItem item, long ziikUserId) throws InterruptedException {
        UserReconciler users = new UserReconciler(item.context(), () -> reads.jobProfiles(item.integrationId(), item.context()));
        KeptReads.KnownTree known = reads.knownTree(item.integrationId(), item.ziik(), item.links());
        UserReconciler.Result result = users.reconcile(ziikUserId, known.tree(), known.conflicted(), item.settings(), true,
                item.record());
        if (result.waiting()) { // link what the user refers to first, then place the user once
            if (result.missing().contains(UserReconciler.Missing.UNITS)) {
                units.work(item);
            }
            if (result.missing().contains(UserReconciler.Missing.ROLES)) {
                roles.work(item);
            }
            result = users.reconcile(ziikUserId, reads.tree(item.integrationId(), item.ziik()).tree(), item.settings(), false,
                    item.record());
        }
        if (result.person() != null && result.plan() != null) { // what it read and applied: the deep sweep compares with it
            sweeps.saveMemberships(item.integrationId(),
                    Map.of(ziikUserId, Fingerprints.memberships(result.person().memberships())));
        }
        if (!result.neverSynchronised()) {
            problems.replaceFor(item.integrationId(), ObjectKind.USER, List.of(ziikUserId),
                    LiveItem.found(result.plan(), result.report()), clock.instant());
        }
        return result;
    }
}
