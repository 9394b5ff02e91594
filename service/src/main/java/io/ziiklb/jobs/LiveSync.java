package io.ziiklb.jobs;

import io.ziiklb.integration.Integration;
import io.ziiklb.queue.HintWriter;
import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.WorkKind;
import io.ziiklb.queue.WorkQueue;

/**
 * Where live work comes in (rule L3): a delivery's hint, a role poll or a sweep, queued for {@link LiveWork}
 * to work. A user hint reconciles that user alone; a unit hint reconciles the unit tree,
 * coalesced; roles, which have no webhooks, are polled. Nothing is queued before the admin's first
 * synchronisation ({@link FirstSyncGate}).
 */
public final class LiveSync {
    private final FirstSyncGate firstSync;
    private final HintWriter hints;
    private final WorkQueue queue;
    private final QueueSignal signal;

    LiveSync(FirstSyncGate firstSync, HintWriter hints, WorkQueue queue, QueueSignal signal) {
        this.firstSync = firstSync;
        this.hints = hints;
        this.queue = queue;
        this.signal = signal;
    }

    /**
     * Queues the work a delivery hints at; durable on return.
     *
     * @param objectKind {@code user} or {@code unit}, as the delivery names what changed
     * @return false when dropped because the integration has never been synchronised
     */
    public boolean hint(Integration integration, String objectKind, long ziikId) throws InterruptedException {
        if (!firstSync.opens(integration.id())) {
            return false;
        }
        if ("user".equals(objectKind)) {
            hints.hint(integration.id(), WorkKind.USER, ziikId);
        } else { // the kept tree stays until the tree reconcile replaces it: a unit it does not know yet counts as not linked
            hints.hint(integration.id(), WorkKind.UNITS, 0);
        }
        signal.nudge();
        return true;
    }

    /** Queues a sweep of the integration ({@code LIST_SWEEP} or {@code DEEP_SWEEP}) for changes Ziik does not announce. */
    public void sweep(Integration integration, WorkKind kind) {
        queue.enqueue(integration.id(), kind, 0, null);
        signal.nudge();
    }

    /** Queues a poll of the integration's roles. */
    public void pollRoles(Integration integration) {
        queue.enqueue(integration.id(), WorkKind.ROLES, 0, null);
        signal.nudge();
    }
}
