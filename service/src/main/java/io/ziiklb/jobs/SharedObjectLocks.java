package io.ziiklb.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Departments and permission types are shared by an integration's users: on this instance, one
 * reconcile at a time changes them (a second would find the names taken by the first's creates).
 * The locks are per JVM; instances on one database rely on the reconciles being idempotent.
 */
final class SharedObjectLocks {
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** The lock to hold while changing the integration's departments or permission types. */
    Object of(String integrationId) {
        return locks.computeIfAbsent(integrationId, id -> new Object());
    }
}
