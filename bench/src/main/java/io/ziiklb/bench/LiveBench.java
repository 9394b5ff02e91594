package io.ziiklb.bench;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.simulator.ChildJvm;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.ziik.ZiikClient;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Change latency: the service (its packaged jar, in a JVM of its own, on an H2 file database, or a
 * fresh PostgreSQL schema with {@code --db postgres}) against the two simulators. After the first
 * synchronisation, changes are made in Ziik at a steady rate (user email changes; every
 * {@code unitEvery}-th a unit rename, none when it is 0), and each is timed from the change until
 * Learningbank holds it. The Learningbank simulator runs in this JVM so that one checker can watch
 * its state every 2 ms without loading its API; timing includes Ziik's delivery, so it bounds
 * "delivery received → Learningbank updated" from above.
 */
final class LiveBench {
    private final Path home;
    private final int users;
    private final long latencyMillis;
    private final int perSecond;
    private final int seconds;
    private final int unitEvery;
    private final boolean postgres;

    LiveBench(Path home, int users, long latencyMillis, int perSecond, int seconds, int unitEvery, boolean postgres) {
        this.home = home;
        this.users = users;
        this.latencyMillis = latencyMillis;
        this.perSecond = perSecond;
        this.seconds = seconds;
        this.unitEvery = unitEvery;
        this.postgres = postgres;
    }

    void run(PrintStream out) throws Exception {
        out.printf("live bench: %,d users, Learningbank latency %d ms, %d changes/s for %d s, %s%n", users, latencyMillis,
                perSecond, seconds, postgres ? "PostgreSQL" : "H2 (file)");
        try (LiveWorld world = new LiveWorld(home, users, latencyMillis, postgres)) {
            ChildJvm ziik = world.ziik;
            LearningbankSimulator lb = world.learningbank;
            out.println("first synchronisation done; changing users...");

            ZiikClient ziikClient = new PeerClients(PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                    PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC(), Sleeper.SYSTEM)
                    .ziik(ziik.origin() + "/api", "integration@ziik.test", "ziik-secret");
            List<ZiikUserSummary> people = ziikClient.activeUsers();
            List<ZiikUnit> units = ziikClient.units().stream().filter(u -> u.mirrored() && !u.isTop()).toList();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Long> unitLatencies = Collections.synchronizedList(new ArrayList<>());
            Map<String, long[]> pending = new ConcurrentHashMap<>(); // email -> {ziik id, changed at}
            Map<String, long[]> pendingUnits = new ConcurrentHashMap<>(); // department name -> {ziik id, changed at}
            Thread checker = Thread.ofVirtual().start(() -> watch(lb.state(), pending, latencies));
            Thread unitChecker = Thread.ofVirtual().start(() -> watchUnits(lb.state(), pendingUnits, unitLatencies));
            int total = perSecond * seconds;
            long intervalNanos = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int n = 0; n < total; n++) {
                    long due = start + n * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    if (unitEvery > 0 && n % unitEvery == unitEvery - 1) {
                        ZiikUnit unit = units.get(n / unitEvery % units.size());
                        String name = "Bench unit " + n;
                        pool.submit(() -> {
                            pendingUnits.put(name + " (" + unit.id() + ")", new long[] {unit.id(), System.nanoTime()});
                            LiveWorld.call("PATCH", ziik.origin() + "/_sim/units/" + unit.id(), Map.of("name", name));
                            return null;
                        });
                        continue;
                    }
                    ZiikUserSummary person = people.get(1 + n % (people.size() - 1));
                    String email = "bench." + n + "." + person.id() + "@example.com";
                    pool.submit(() -> {
                        pending.put(email, new long[] {person.id(), System.nanoTime()});
                        LiveWorld.call("PATCH", ziik.origin() + "/_sim/users/" + person.id(), Map.of("email", email));
                        return null;
                    });
                }
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while ((!pending.isEmpty() || !pendingUnits.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            checker.interrupt();
            unitChecker.interrupt();
            out.printf("%nchanges %d, not arrived within 30 s after the last %d%n", total, pending.size() + pendingUnits.size());
            List<Long> all = new ArrayList<>(latencies);
            all.addAll(unitLatencies);
            report(out, "all changes       ", all);
            report(out, "user email changes", latencies);
            report(out, "unit renames      ", unitLatencies);
            out.printf("(target p99 < 500 ms; a newer change to the same object that arrives first counts for the older one too)%n");
        }
    }

    /** Every 2 ms: which pending changes does Learningbank hold now? A newer change to the same user counts for the older too. */
    private static void watch(LearningbankState state, Map<String, long[]> pending, List<Long> latencies) {
        while (!Thread.currentThread().isInterrupted()) {
            for (Map.Entry<String, long[]> change : pending.entrySet()) {
                long ziikId = change.getValue()[0];
                boolean arrived = state.findUserByExternalId("ziik:" + ziikId)
                        .map(u -> u.email().equals(change.getKey()) || newer(u.email(), change.getKey())).orElse(false);
                if (arrived && pending.remove(change.getKey()) != null) {
                    latencies.add((System.nanoTime() - change.getValue()[1]) / 1_000_000);
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void report(PrintStream out, String what, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        out.printf("%s %5d arrived, change in Ziik -> Learningbank shows it: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                what, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.getLast());
    }

    /** Every 2 ms: which pending unit renames does Learningbank hold now? A later rename of the unit counts too. */
    private static void watchUnits(LearningbankState state, Map<String, long[]> pending, List<Long> latencies) {
        while (!Thread.currentThread().isInterrupted()) {
            if (!pending.isEmpty()) {
                List<String> names = state.departments().stream().map(d -> d.name()).toList();
                for (Map.Entry<String, long[]> change : pending.entrySet()) {
                    String suffix = " (" + change.getValue()[0] + ")";
                    boolean arrived = names.stream().anyMatch(name -> name.equals(change.getKey())
                            || name.endsWith(suffix) && newerUnitName(name, change.getKey()));
                    if (arrived && pending.remove(change.getKey()) != null) {
                        latencies.add((System.nanoTime() - change.getValue()[1]) / 1_000_000);
                    }
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Unit names are "Bench unit <n> (<id>)": a higher n was made later. */
    private static boolean newerUnitName(String current, String expected) {
        try {
            return current.startsWith("Bench unit ") && Integer.parseInt(current.split(" ")[2])
                    > Integer.parseInt(expected.split(" ")[2]);
        } catch (RuntimeException notOurs) {
            return false;
        }
    }

    /** Emails are "bench.<n>.<id>@...": a higher n was made later. */
    static boolean newer(String current, String expected) {
        try {
            return current.startsWith("bench.") && Integer.parseInt(current.split("\\.")[1]) > Integer.parseInt(expected.split("\\.")[1]);
        } catch (RuntimeException notOurs) {
            return false;
        }
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

}
