package io.ziiklb.simulator.ziik;

import java.time.Instant;

/**
 * One entry of the delivery log: a webhook delivery attempted, or dropped on purpose.
 *
 * @param sequence  the order in which the change fired it (a duplicate repeats its original's)
 * @param event     the trigger, e.g. {@code "user.update"}
 * @param uri       where it went, exactly as registered
 * @param body      the raw JSON body
 * @param signature the {@code X-Ziik-Signature} header value, {@code sha256=<hex>}
 * @param duplicate true for the second send of a duplicated delivery
 * @param dropped   true when the drop switch kept it from being sent
 * @param status    the receiver's HTTP status; 0 when dropped or when the send failed
 * @param error     why the send failed, or null
 * @param sentAt    when the send began (when it was dropped, for a dropped one), by the simulator's clock
 * @param at        when the send ended (the receiver answered, or the send failed) or it was dropped
 */
public record Delivery(long sequence, int webhookId, String event, String uri, String body, String signature,
                       boolean duplicate, boolean dropped, int status, String error, Instant sentAt, Instant at) {
}
