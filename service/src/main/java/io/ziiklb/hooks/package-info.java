/**
 * Receiving Ziik's webhook deliveries. A delivery is only a hint of what changed: it is checked
 * (secret path, optional signature, a user or unit object) and queued durably before the 202; the
 * engine reads the truth from Ziik's API when it works the hint. Registering the webhooks in Ziik
 * is {@code io.ziiklb.ziik.webhook}'s.
 */
package io.ziiklb.hooks;
