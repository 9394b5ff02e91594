package io.ziiklb.queue;

import java.time.Instant;

/**
 * A claimed item.
 *
 * @param ziikId     the Ziik object, 0 for kinds about none
 * @param generation the enqueue generation this claim saw; see {@link WorkQueue#complete}
 * @param attempts   attempts so far, this one included
 * @param enqueuedAt when the first of the hints coalesced into this item arrived
 * @param dueAt      since when the item could have been claimed: its first hint, the end of its
 *                   backoff, or the completion that found newer hints
 */
public record WorkItem(long id, String integrationId, WorkKind kind, long ziikId, String payload, int generation,
                       int attempts, Instant enqueuedAt, Instant dueAt) {
}
