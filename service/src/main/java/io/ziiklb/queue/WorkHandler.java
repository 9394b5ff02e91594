package io.ziiklb.queue;

/**
 * Does the work of one kind of item. Returning means done; throwing {@link RetryLater} or anything
 * else means try again later (with backoff, then as a dead letter). Must be idempotent: an item
 * whose worker died is worked on again by another.
 */
@FunctionalInterface
public interface WorkHandler {
    void handle(WorkItem item) throws Exception;
}
