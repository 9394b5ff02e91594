package io.ziiklb.jobs;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SyncRunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Polls each integration's roles every {@code rolePollIntervalMinutes} (rule L3: Ziik has no role
 * webhooks), once it has synchronised at all.
 *
 * <p>Each integration is polled at its own phase within the interval, taken from its id: its polls
 * fall due at the start of each of its periods. Integrations created or synchronised together are
 * so not polled together (a thousand on a five-minute interval make about three polls a second,
 * not a thousand at once every five minutes), and instances that tick at different moments agree
 * on the periods. The first poll after this instance starts, or after an integration's first
 * synchronisation (which has just read the roles), comes at the start of its next period: at most
 * one interval away, as between any two polls. Remembered per instance; with several instances a
 * poll may come twice in one period, which costs two reads and writes nothing when nothing changed.
 */
public final class PeriodicRolePolls {
    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final Consumer<Integration> poll;
    private final Clock clock;
    /** The start of the period in which each integration was last polled, or first seen. */
    private final Map<String, Instant> polledInPeriod = new ConcurrentHashMap<>();
    private final Ticker ticker;

    /** @param every how often to look for integrations that are due (a poll comes at most this late) */
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
        Set<String> synchronised = runs.latestStarts().keySet();
        List<Integration> all = integrations.list();
        polledInPeriod.keySet().retainAll(all.stream().map(Integration::id).toList()); // forget removed ones
        for (Integration integration : all) {
            int minutes = integration.settings().rolePollIntervalMinutes();
            if (!integration.enabled() || minutes <= 0 || !synchronised.contains(integration.id())) {
                continue;
            }
            Instant period = periodStart(integration.id(), Duration.ofMinutes(minutes), now);
            Instant last = polledInPeriod.putIfAbsent(integration.id(), period);
            if (last != null && last.isBefore(period)) {
                poll.accept(integration);
                polledInPeriod.put(integration.id(), period);
                polled++;
            }
        }
        return polled;
    }

    /** The start of the integration's period that holds {@code now}: periods of {@code interval}, shifted by its phase. */
    static Instant periodStart(String integrationId, Duration interval, Instant now) {
        long length = interval.toMillis();
        long phase = Math.floorMod((long) integrationId.hashCode(), length);
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli() - phase, length) * length + phase);
    }

    public void start() {
        ticker.start();
    }

    public void stop() {
        ticker.stop();
    }
}
