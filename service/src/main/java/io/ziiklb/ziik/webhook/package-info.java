/**
 * Ziik's webhooks as Ziik defines them: the six triggers, and registering and deleting an
 * integration's webhooks through Ziik's API. Receiving deliveries is the {@code hooks} package's.
 */
package io.ziiklb.ziik.webhook;
