package io.ziiklb.jobs;

import io.ziiklb.integration.SweepStore;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code WorkKind.DEEP_SWEEP}: one step of the rolling re-read of memberships (a change of units
 * or of the roles held in one fires no delivery, and only the primary unit shows in the user
 * lists). Takes the next active users after the integration's cursor, as many as the calls it has
 * earned pay for ({@link SweepBudget}), reads each one's memberships and queues a one-user
 * reconcile for each whose memberships differ from those last seen. A user whose memberships were
 * never seen is reconciled straight away (its reconcile reads them, and records what it read), so
 * that no change made before the first read is missed. After the last user the next pass begins
 * at the first.
 */
final class DeepSweepHandler {
    private final SweepStore sweeps;
    private final FollowUps followUps;

    DeepSweepHandler(SweepStore sweeps, FollowUps followUps) {
        this.sweeps = sweeps;
        this.followUps = followUps;
    }

    void work(LiveItem item) {
        String id = item.integrationId();
        SweepStore.State state = sweeps.state(id);
        double owed = state.deepOwed();
        if (owed < 1) {
            return;
        }
        long cursor = state.deepCursor();
        List<Map.Entry<Long, Optional<Long>>> next = sweeps.activeAfter(id, cursor, (int) Math.min(owed, 100_000));
        if (next.isEmpty() && cursor != 0) { // the pass is over: the next one begins
            cursor = 0;
            next = sweeps.activeAfter(id, 0, (int) Math.min(owed, 100_000));
        }
        Step step = new Step(cursor);
        try {
            for (Map.Entry<Long, Optional<Long>> user : next) {
                if (!step.read(item.ziik(), user.getKey(), user.getValue(), owed)) {
                    break;
                }
            }
        } finally { // what was read counts even when a read fails: the retry goes on from there
            followUps.reconcileUsers(id, step.reconcile);
            sweeps.saveMemberships(id, step.seen);
            sweeps.deepStepped(id, step.cursor, step.spent);
        }
    }

    /** What one step read and found, so far. */
    private static final class Step {
        final List<Long> reconcile = new ArrayList<>();
        final Map<Long, Long> seen = new HashMap<>();
        long cursor;
        double spent;

        Step(long cursor) {
            this.cursor = cursor;
        }

        /** Reads one user's memberships if the budget allows; false when it does not. */
        boolean read(ZiikClient ziik, long user, Optional<Long> known, double owed) {
            double cost = known.isPresent() ? 1 : SweepBudget.RECONCILE_CALLS;
            if (spent + cost > owed) {
                return false;
            }
            spent += cost;
            cursor = user;
            if (known.isEmpty()) {
                reconcile.add(user);
                return true;
            }
            try {
                long now = Fingerprints.memberships(ziik.memberships(user));
                if (now != known.get()) {
                    reconcile.add(user);
                    seen.put(user, now);
                    spent += SweepBudget.RECONCILE_CALLS;
                }
            } catch (ZiikNotFoundException gone) {
                // deleted meanwhile: the list sweep finds it gone and reconciles it
            }
            return true;
        }
    }
}
