package io.ziiklb.simulator.ziik;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered webhooks, in id order. Thread-safe. */
final class Webhooks {
    private final Map<Integer, Webhook> byId = new LinkedHashMap<>();
    private int lastId;

    synchronized Webhook add(String name, String uri, List<String> triggers, int authorId) {
        Webhook webhook = new Webhook(++lastId, name, uri, List.copyOf(triggers), authorId);
        byId.put(webhook.id(), webhook);
        return webhook;
    }

    synchronized Optional<Webhook> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized boolean remove(int id) {
        return byId.remove(id) != null;
    }

    synchronized List<Webhook> all() {
        return List.copyOf(byId.values());
    }

    synchronized List<Webhook> subscribedTo(String trigger) {
        List<Webhook> out = new ArrayList<>();
        byId.values().forEach(w -> {
            if (w.triggers().contains(trigger)) {
                out.add(w);
            }
        });
        return out;
    }
}
