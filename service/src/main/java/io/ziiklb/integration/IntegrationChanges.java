package io.ziiklb.integration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Tells whoever keeps something about an integration in memory that it was changed or removed here. */
public final class IntegrationChanges {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    void changed(String integrationId) {
        listeners.forEach(listener -> listener.accept(integrationId));
    }
}
