package io.ziiklb.bench;

import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import io.ziiklb.ziik.ZiikUserSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./ziiklb bench live --unannounced}: changes Ziik announces to nobody (issue #14 part 5).
 * After the first synchronisation every webhook delivery is dropped (and membership changes fire
 * none anyway), so whatever arrives is found by the sweeps: renames, deactivations and moves of
 * primary unit (the list sweep's), changes of a membership's roles and memberships added (the deep
 * sweep's). Changes are made to distinct users, evenly over the first half of the run; the second
 * half only watches. Each is timed from the change until Learningbank shows it (checked every
 * second). Ziik's calls over the run come from the simulator's request log ({@code GET /_sim/requests}):
 * with no deliveries and no full synchronisation due, they are the sweeps' and the reconciles they
 * queue, and the role polls'.
 *
 * <p>The service runs with its default settings (list sweep every 5 minutes, every user's
 * memberships within 30 minutes, 120 Ziik calls a minute for both) unless {@code --list-minutes},
 * {@code --deep-minutes} or {@code --sweep-calls} set others.
 */
final class UnannouncedBench {
    private final Path home;
    private final int users;
    private final int minutes;
    private final int perMinute;
    private final Map<String, Object> settings;

    UnannouncedBench(Path home, int users, int minutes, int perMinute, Map<String, Object> settings) {
        this.home = home;
        this.users = users;
        this.minutes = minutes;
        this.perMinute = perMinute;
        this.settings = settings;
    }

    void run(PrintStream out) throws Exception {
        out.printf("live bench, unannounced changes: %,d users, %d changes a minute for %d min, then %d min of watching;"
                + " settings %s (else the defaults)%n", users, perMinute, minutes / 2, minutes - minutes / 2, settings);
        try (LiveWorld world = new LiveWorld(home, users, 5, false)) {
            String ziik = world.ziik.origin();
            if (!settings.isEmpty()) {
                world.api("PATCH", "/integrations/" + world.integrationId, Map.of("settings", settings));
            }
            LiveWorld.call("PUT", ziik + "/_sim/deliveries", Map.of("dropRate", 1.0)); // nothing is announced
            ZiikClient client = new PeerClients(PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback()),
                    PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback()), Clock.systemUTC(),
                    Sleeper.SYSTEM).ziik(ziik + "/api", "integration@ziik.test", "ziik-secret");
            long admin = LiveWorld.call("GET", ziik + "/_sim/summary", null).path("adminUserId").asLong();
            List<Long> people = new ArrayList<>(client.activeUsers().stream().map(ZiikUserSummary::id).filter(id -> id != admin).toList());
            Collections.shuffle(people, new Random(7));
            UnannouncedChange.Catalogue catalogue = new UnannouncedChange.Catalogue(
                    client.units().stream().filter(u -> u.mirrored() && !u.isTop()).map(ZiikUnit::id).toList(),
                    client.roles().stream().collect(Collectors.toMap(ZiikRole::id, ZiikRole::name)));
            awaitBaseline(world, out);

            Map<String, Long> before = routes(ziik);
            long start = System.nanoTime();
            Map<UnannouncedChange, Long> arrivals = new ConcurrentHashMap<>(); // change -> ms until it arrived
            List<UnannouncedChange> made = Collections.synchronizedList(new ArrayList<>());
            Thread watcher = Thread.ofVirtual().start(() -> watch(world.learningbank.state(), made, arrivals));
            int total = perMinute * (minutes / 2);
            Random random = new Random(11);
            for (int n = 0; n < total; n++) {
                sleepUntil(start + Duration.ofMinutes(minutes / 2).toNanos() * n / total);
                made.add(UnannouncedChange.make(n, people.get(n), ziik, catalogue, random));
            }
            sleepUntil(start + Duration.ofMinutes(minutes).toNanos());
            watcher.interrupt();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> after = routes(ziik);
            report(out, made, arrivals);
            calls(out, before, after, seconds);
        }
    }

    /** Waits for the list sweep's baseline (a read of the user lists after the first synchronisation's) and an empty queue. */
    private static void awaitBaseline(LiveWorld world, PrintStream out) throws Exception {
        long listed = routes(world.ziik.origin()).getOrDefault("GET /api/users", 0L);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && (routes(world.ziik.origin()).getOrDefault("GET /api/users", 0L) == listed
                || world.api("GET", "/integrations/" + world.integrationId, null).path("queue").path("pending").asInt() > 0)) {
            Thread.sleep(500);
        }
        out.println("first synchronisation done, the list sweep's baseline taken; changing users...");
    }

    private static void watch(LearningbankState lb, List<UnannouncedChange> made, Map<UnannouncedChange, Long> arrivals) {
        while (!Thread.currentThread().isInterrupted()) {
            List<UnannouncedChange> pending;
            synchronized (made) {
                pending = made.stream().filter(c -> !arrivals.containsKey(c)).toList();
            }
            for (UnannouncedChange change : pending) {
                if (change.arrived(lb)) {
                    arrivals.put(change, (System.nanoTime() - change.madeAt()) / 1_000_000);
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void report(PrintStream out, List<UnannouncedChange> made, Map<UnannouncedChange, Long> arrivals) {
        out.println("\nchange in Ziik (no delivery) -> Learningbank shows it, checked every second:");
        for (UnannouncedChange.Kind kind : UnannouncedChange.Kind.values()) {
            List<UnannouncedChange> ofKind = made.stream().filter(c -> c.kind() == kind).toList();
            List<Long> delays = ofKind.stream().filter(arrivals::containsKey).map(arrivals::get).sorted().toList();
            long oldestPending = ofKind.stream().filter(c -> !arrivals.containsKey(c))
                    .mapToLong(c -> (System.nanoTime() - c.madeAt()) / 1_000_000).max().orElse(0);
            out.printf("  %-17s (%s sweep) %3d of %3d arrived: p50 %5.1f s, p90 %5.1f s, max %5.1f s; not arrived: %d (the oldest made %.1f s ago)%n",
                    kind, kind.listed ? "list" : "deep", delays.size(), ofKind.size(), percentile(delays, 50) / 1e3,
                    percentile(delays, 90) / 1e3, delays.isEmpty() ? 0 : delays.getLast() / 1e3, ofKind.size() - delays.size(),
                    oldestPending / 1e3);
        }
    }

    /** Ziik's calls over the run, by route, and per second (also per 10,000 users, the measure). */
    private void calls(PrintStream out, Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Long> during = new TreeMap<>();
        after.forEach((route, n) -> {
            long d = n - before.getOrDefault(route, 0L);
            if (d > 0) {
                during.put(route, d);
            }
        });
        long all = during.values().stream().mapToLong(Long::longValue).sum();
        out.printf("%nZiik calls over the %.0f s of the run (no deliveries, no full synchronisation due): %,d = %.3f calls/s"
                + " (%.3f calls/s per 10,000 users; target <= 2)%n", seconds, all, all / seconds, all / seconds * 10_000 / users);
        during.forEach((route, n) -> out.printf("  %-32s %,7d  %.3f/s%n", route, n, n / seconds));
    }

    private static Map<String, Long> routes(String ziikOrigin) throws Exception {
        JsonNode routes = LiveWorld.call("GET", ziikOrigin + "/_sim/requests", null).path("routes");
        Map<String, Long> counts = new TreeMap<>();
        routes.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return LiveBench.percentile(sorted, p);
    }
}
