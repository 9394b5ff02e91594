package io.ziiklb.jobs;

import io.ziiklb.queue.WorkHandler;
import io.ziiklb.queue.WorkKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which handler works each kind of the queue: the one registration of handlers by kind, for the
 * queue worker (and for tests that work the queue themselves). A new kind does not compile until
 * it has a handler here.
 */
public final class WorkHandlers {
    private WorkHandlers() {
    }

    /** A handler for every {@link WorkKind}. */
    public static Map<WorkKind, WorkHandler> of(FullSyncRunner fullSyncs, LiveWork live) {
        Map<WorkKind, WorkHandler> handlers = new EnumMap<>(WorkKind.class);
        for (WorkKind kind : WorkKind.values()) {
            handlers.put(kind, switch (kind) {
                case FULL_SYNC -> fullSyncs;
                case USER, UNITS, ROLES, LIST_SWEEP, DEEP_SWEEP -> live;
            });
        }
        return handlers;
    }
}
