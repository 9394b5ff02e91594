package io.ziiklb.jobs;

import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.WorkKind;
import io.ziiklb.queue.WorkQueue;
import java.util.Collection;

/** Users a reconcile of shared objects found affected, queued to be reconciled one by one. */
final class FollowUps {
    private final WorkQueue queue;
    private final QueueSignal signal;

    FollowUps(WorkQueue queue, QueueSignal signal) {
        this.queue = queue;
        this.signal = signal;
    }

    /** Queues a reconcile of each user (none for an empty collection). */
    void reconcileUsers(String integrationId, Collection<Long> users) {
        if (users.isEmpty()) {
            return;
        }
        queue.hints(users.stream().map(user -> new WorkQueue.Key(integrationId, WorkKind.USER, user)).toList());
        signal.nudge();
    }
}
