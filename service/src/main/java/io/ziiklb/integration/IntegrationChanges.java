package io.ziiklb.integration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Tells whoever keeps something about an integration in memory that it was changed or removed here. */
public final class IntegrationChanges {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Integration>> removals = new CopyOnWriteArrayList<>();

    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Hears of an integration about to be removed, while its credentials still open (its quicklink goes, say). */
    public void beforeRemoval(Consumer<Integration> listener) {
        removals.add(listener);
    }

    void removing(Integration integration) {
        removals.forEach(listener -> listener.accept(integration));
    }

    void changed(String integrationId) {
        listeners.forEach(listener -> listener.accept(integrationId));
    }
}
