package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.http.Json;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns organisation events into deliveries: one per registered webhook whose triggers include the
 * event, all with the same body, queued in the order of the changes. Renders the body only when
 * some webhook wants it, so bulk changes with no webhooks cost nothing.
 */
final class WebhookFanout implements OrgEvents {
    private final Webhooks webhooks;
    private final DeliveryDispatcher dispatcher;

    WebhookFanout(Webhooks webhooks, DeliveryDispatcher dispatcher) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    @Override
    public void fire(String trigger, boolean membershipChange, Supplier<Object> body) {
        if (membershipChange && !dispatcher.switches().membershipChangesFireUserUpdate()) {
            return;
        }
        List<Webhook> targets = webhooks.subscribedTo(trigger);
        if (targets.isEmpty()) {
            return;
        }
        byte[] json = Json.MAPPER.writeValueAsBytes(body.get());
        targets.forEach(w -> dispatcher.enqueue(w.id(), trigger, w.uri(), json));
    }
}
