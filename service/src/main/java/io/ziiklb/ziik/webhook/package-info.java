/**
 * Ziik's webhooks as Ziik defines them: the six triggers, registering and deleting an
 * integration's webhooks through Ziik's API, what a delivery is about and its signature. Receiving
 * deliveries (which integration, in what order the checks answer, queueing) is {@code hooks}'.
 */
package io.ziiklb.ziik.webhook;
