package io.ziiklb.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Departments and permission types are shared by an integration's users: on this instance, one
 * reconcile at a time changes them (a second would find the names taken by the first's creates).
 * One user is reconciled by one reconcile at a time too: an admin's "Synchronise one user" and a
 * queued hint for the same user would otherwise both see no Learningbank user and both create one.
 * The locks are per JVM; instances on one database rely on the reconciles being idempotent.
 */
final class SharedObjectLocks {
    /** Users share a fixed set of locks (striped): one lock per user of 10,000 would only fill memory. */
    private static final int USER_STRIPES = 64;

    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Object[] userLocks = new Object[USER_STRIPES];

    SharedObjectLocks() {
        for (int i = 0; i < USER_STRIPES; i++) {
            userLocks[i] = new Object();
        }
    }

    /** The lock to hold while changing the integration's departments or permission types. */
    Object of(String integrationId) {
        return locks.computeIfAbsent(integrationId, id -> new Object());
    }

    /**
     * The lock to hold while reconciling one user. Taken before {@link #of} when both are held (a
     * user's reconcile may reconcile the tree first), never after it: no deadlock.
     */
    Object ofUser(String integrationId, long ziikUserId) {
        return userLocks[Math.floorMod(31 * integrationId.hashCode() + Long.hashCode(ziikUserId), USER_STRIPES)];
    }
}
