package io.ziiklb.jobs;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rule L3's safety net: a full synchronisation every {@code fullSyncIntervalMinutes} repairs what
 * deliveries missed. Only for enabled integrations that have synchronised at least once (a new
 * integration waits for its admin). Every instance may tick: a sync already queued is not queued twice.
 */
public final class PeriodicFullSyncs {
    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final Consumer<Integration> startSync;
    private final Clock clock;
    private final Ticker ticker;

    /** @param every how often to look for integrations that are due */
    public PeriodicFullSyncs(IntegrationStore integrations, SyncRunStore runs, Consumer<Integration> startSync,
                             Clock clock, Duration every) {
        this.integrations = integrations;
        this.runs = runs;
        this.startSync = startSync;
        this.clock = clock;
        this.ticker = new Ticker("periodic-full-syncs", every, this::tick);
    }

    /** Starts a synchronisation of each integration that is due; returns how many. */
    public int tick() {
        int started = 0;
        Instant now = clock.instant();
        Map<String, Instant> lastStarted = runs.latestStarts();
        for (Integration integration : integrations.list()) {
            int minutes = integration.settings().fullSyncIntervalMinutes();
            if (!integration.enabled() || minutes <= 0) {
                continue;
            }
            Instant last = lastStarted.get(integration.id());
            boolean due = last != null && !last.plus(Duration.ofMinutes(minutes)).isAfter(now);
            if (due) {
                try {
                    startSync.accept(integration);
                    started++;
                } catch (SyncService.AlreadyRunning alreadyQueued) {
                    // another instance, or the admin, started one
                }
            }
        }
        return started;
    }

    public void start() {
        ticker.start();
    }

    public void stop() {
        ticker.stop();
    }
}
