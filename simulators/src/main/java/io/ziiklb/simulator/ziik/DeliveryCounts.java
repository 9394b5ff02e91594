package io.ziiklb.simulator.ziik;

/**
 * What the webhook deliveries have met since the simulator started: a soak reports the drops,
 * duplicates and reorders that happened, not the rates it asked for.
 *
 * @param sent       POSTs made, duplicates included
 * @param failed     of those, the ones the receiver did not answer 2xx (or did not answer at all)
 * @param dropped    deliveries the drop switch lost before sending
 * @param duplicated deliveries sent a second time
 * @param reordered  deliveries sent in a batch the reorder switch shuffled (each batch leaves its order)
 */
public record DeliveryCounts(long sent, long failed, long dropped, long duplicated, long reordered) {
}
