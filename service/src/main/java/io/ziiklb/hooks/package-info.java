/**
 * Ziik's webhooks: registering the six (one per trigger) when an integration is created and
 * deleting them when it is removed, and receiving deliveries. A delivery is only a hint of what
 * changed: it is checked (secret path, optional signature, a user or unit object) and queued
 * durably before the 202; the engine reads the truth from Ziik's API when it works the hint.
 */
package io.ziiklb.hooks;
