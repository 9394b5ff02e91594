package io.ziiklb.jobs;

import io.ziiklb.integration.SyncRunStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nothing is done live before the admin's first synchronisation, which covers everything until
 * then: hints for an integration never synchronised are dropped.
 */
final class FirstSyncGate {
    private final SyncRunStore runs;
    /** Integrations known to have been synchronised: once synchronised, always, so no need to ask again. */
    private final Set<String> synchronised = ConcurrentHashMap.newKeySet();

    FirstSyncGate(SyncRunStore runs) {
        this.runs = runs;
    }

    /** Whether the integration has had a synchronisation (started), so hints about it are worked. */
    boolean opens(String integrationId) {
        if (synchronised.contains(integrationId)) {
            return true;
        }
        if (runs.latest(integrationId).isEmpty()) {
            return false;
        }
        synchronised.add(integrationId);
        return true;
    }
}
