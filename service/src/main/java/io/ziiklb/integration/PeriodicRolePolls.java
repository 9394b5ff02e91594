package io.ziiklb.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Polls each integration's roles every {@code rolePollIntervalMinutes} (rule L3: Ziik has no role
 * webhooks), once it has synchronised at all. Remembered per instance; with several instances a
 * poll may come a little more often, which costs two reads and writes nothing when nothing changed.
 */
public final class PeriodicRolePolls {
    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final Consumer<Integration> poll;
    private final Clock clock;
    private final Map<String, Instant> lastPolled = new ConcurrentHashMap<>();
    private final Ticker ticker;

    public PeriodicRolePolls(IntegrationStore integrations, SyncRunStore runs, Consumer<Integration> poll, Clock clock,
                             Duration every) {
        this.integrations = integrations;
        this.runs = runs;
        this.poll = poll;
        this.clock = clock;
        this.ticker = new Ticker("periodic-role-polls", every, this::tick);
    }

    /** Queues a poll of each integration that is due; returns how many. */
    public int tick() {
        int polled = 0;
        Instant now = clock.instant();
        for (Integration integration : integrations.list()) {
            int minutes = integration.settings().rolePollIntervalMinutes();
            Instant last = lastPolled.get(integration.id());
            boolean due = integration.enabled() && minutes > 0 && runs.latest(integration.id()).isPresent()
                    && (last == null || !last.plus(Duration.ofMinutes(minutes)).isAfter(now));
            if (due) {
                poll.accept(integration);
                lastPolled.put(integration.id(), now);
                polled++;
            }
        }
        return polled;
    }

    public void start() {
        ticker.start();
    }

    public void stop() {
        ticker.stop();
    }
}
