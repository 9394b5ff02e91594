package io.ziiklb.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each integration's roles every {@code rolePollIntervalMinutes} (rule L3: Ziik has no role
 * webhooks), once it has synchronised at all. Remembered per instance; with several instances a
 * poll may come a little more often, which costs two reads and writes nothing when nothing changed.
 */
public final class PeriodicRolePolls {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicRolePolls.class);

    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final Consumer<Integration> poll;
    private final Clock clock;
    private final Duration every;
    private final Map<String, Instant> lastPolled = new ConcurrentHashMap<>();
    private volatile Thread ticker;

    public PeriodicRolePolls(IntegrationStore integrations, SyncRunStore runs, Consumer<Integration> poll, Clock clock,
                             Duration every) {
        this.integrations = integrations;
        this.runs = runs;
        this.poll = poll;
        this.clock = clock;
        this.every = every;
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

    public synchronized void start() {
        ticker = Thread.ofVirtual().name("periodic-role-polls").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                    tick();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("role polls: {}", e.toString());
                }
            }
        });
    }

    public synchronized void stop() {
        if (ticker != null) {
            ticker.interrupt();
        }
    }
}
