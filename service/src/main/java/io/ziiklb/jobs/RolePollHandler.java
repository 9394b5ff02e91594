package io.ziiklb.jobs;

import io.ziiklb.audit.ProblemStore;
import io.ziiklb.sync.ObjectKind;
import io.ziiklb.sync.RolesReconciler;
import java.time.Clock;

/**
 * {@code WorkKind.ROLES}: polls Ziik's roles (they have no webhooks) and reconciles the permission
 * types; the holders of a role whose change reaches them are then reconciled one by one.
 */
final class RolePollHandler {
    private final SharedObjectLocks locks;
    private final ProblemStore problems;
    private final FollowUps followUps;
    private final Clock clock;

    RolePollHandler(SharedObjectLocks locks, ProblemStore problems, FollowUps followUps, Clock clock) {
        this.locks = locks;
        this.problems = problems;
        this.followUps = followUps;
        this.clock = clock;
    }

    void work(LiveItem item) throws InterruptedException {
        RolesReconciler.Result result;
        synchronized (locks.of(item.integrationId())) {
            result = new RolesReconciler(item.context()).reconcile(item.settings(), item.record());
        }
        problems.replaceKind(item.integrationId(), ObjectKind.PERMISSION_TYPE, LiveItem.found(result.plan(), result.report()),
                clock.instant());
        item.settle(result.report());
        followUps.reconcileUsers(item.integrationId(), result.holders()); // their types or job profile change with the role
    }
}
