/**
 * The durable work queue: items keyed by (integration, kind, Ziik id) so that repeated hints
 * coalesce, claimed with leases ({@code FOR UPDATE SKIP LOCKED}) so that several instances share
 * the work and a crashed worker's items are taken over, retried with exponential backoff and
 * jitter (or as {@code Retry-After} asks), and parked as dead letters after a bounded number of
 * attempts, visible and retryable.
 */
package io.ziiklb.queue;
