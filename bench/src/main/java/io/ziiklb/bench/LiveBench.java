package io.ziiklb.bench;

import io.ziiklb.http.AllowedPeers;
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
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Change latency: the service (its packaged jar, in a JVM of its own, on an H2 file database, or a
 * fresh PostgreSQL schema with {@code --db postgres}) against the two simulators. After the first
 * synchronisation, changes are made in Ziik at a steady rate (user email changes; every
 * {@code unitEvery}-th a unit rename, none when it is 0). The first {@code warmupSeconds} of them
 * are not timed: until the JIT has compiled the delivery paths of the Ziik simulator and the
 * service (the first sync warms only the read paths), Ziik's one-at-a-time deliveries fall behind
 * by up to 1.7 s on the 2-core machine. The rest are each timed from the change until
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
    private final int warmupSeconds;
    private final int unitEvery;
    private final boolean postgres;

    LiveBench(Path home, int users, long latencyMillis, int perSecond, int seconds, int warmupSeconds, int unitEvery,
              boolean postgres) {
        this.home = home;
        this.users = users;
        this.latencyMillis = latencyMillis;
        this.perSecond = perSecond;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.unitEvery = unitEvery;
        this.postgres = postgres;
    }

    void run(PrintStream out) throws Exception {
        out.printf("live bench: %,d users, Learningbank latency %d ms, %d changes/s for %d s after %d s of warm-up, %s%n",
                users, latencyMillis, perSecond, seconds, warmupSeconds, postgres ? "PostgreSQL" : "H2 (file)");
        try (LiveWorld world = new LiveWorld(home, users, latencyMillis, postgres)) {
            ChildJvm ziik = world.ziik;
            LearningbankSimulator lb = world.learningbank;
            out.println("first synchronisation done; changing users...");

            ZiikClient ziikClient = new PeerClients(PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback()),
                    PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback()), Clock.systemUTC(), Sleeper.SYSTEM)
                    .ziik(ziik.origin() + "/api", "integration@ziik.test", "ziik-secret");
            List<ZiikUserSummary> people = ziikClient.activeUsers();
            List<ZiikUnit> units = ziikClient.units().stream().filter(u -> u.mirrored() && !u.isTop()).toList();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Long> unitLatencies = Collections.synchronizedList(new ArrayList<>());
            Map<String, Pending> pending = new ConcurrentHashMap<>(); // by email
            Map<String, Pending> pendingUnits = new ConcurrentHashMap<>(); // by department name
            Map<String, long[]> stamps = new ConcurrentHashMap<>(); // by email: changed, Ziik answered, shown (epoch ms)
            Thread checker = Thread.ofVirtual().start(() -> watch(pending, latencies, LiveBench::emailArrived,
                    (email, at) -> stamps.computeIfPresent(email, (k, s) -> new long[] {s[0], s[1], at})));
            Thread unitChecker = Thread.ofVirtual().start(() -> watch(pendingUnits, unitLatencies, () -> renameArrived(lb.state())));
            int warmup = perSecond * warmupSeconds;
            int total = perSecond * seconds;
            long intervalNanos = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            Duration serviceCpuTimed = Duration.ZERO; // the service's CPU when the timed changes begin
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int n = 0; n < warmup + total; n++) {
                    long due = start + n * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    boolean timed = n >= warmup; // warm-up changes are made alike, not timed
                    serviceCpuTimed = n == warmup ? world.service.cpuTime() : serviceCpuTimed;
                    if (unitEvery > 0 && n % unitEvery == unitEvery - 1) {
                        ZiikUnit unit = units.get(n / unitEvery % units.size());
                        String name = "Bench unit " + n;
                        pool.submit(() -> {
                            if (timed) {
                                pendingUnits.put(name + " (" + unit.id() + ")", new Pending(lb.state(), unit.id(), System.nanoTime()));
                            }
                            LiveWorld.call("PATCH", ziik.origin() + "/_sim/units/" + unit.id(), Map.of("name", name));
                            return null;
                        });
                        continue;
                    }
                    ZiikUserSummary person = people.get(1 + n % (people.size() - 1));
                    String email = "bench." + n + "." + person.id() + "@example.com";
                    pool.submit(() -> {
                        if (timed) {
                            stamps.put(email, new long[] {System.currentTimeMillis(), 0, 0});
                            pending.put(email, new Pending(lb.state(), person.id(), System.nanoTime()));
                        }
                        LiveWorld.call("PATCH", ziik.origin() + "/_sim/users/" + person.id(), Map.of("email", email));
                        stamps.computeIfPresent(email, (k, s) -> new long[] {s[0], System.currentTimeMillis(), s[2]});
                        return null;
                    });
                }
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while ((!pending.isEmpty() || !pendingUnits.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Duration serviceCpu = world.service.cpuTime().minus(serviceCpuTimed);
            checker.interrupt();
            unitChecker.interrupt();
            out.printf("%nchanges %d, not arrived within 30 s after the last %d%n", total, pending.size() + pendingUnits.size());
            List<Long> all = new ArrayList<>(latencies);
            all.addAll(unitLatencies);
            report(out, "all changes       ", all);
            report(out, "user email changes", latencies);
            report(out, "unit renames      ", unitLatencies);
            out.printf("service CPU per change %.2f ms (its JVM, from the first timed change until all arrived)%n",
                    serviceCpu.toNanos() / 1e6 / total);
            out.printf("(target p99 < 500 ms; a newer change to the same object that arrives first counts for the older one too)%n");
            world.printTimings(out);
            printFromDelivery(out, stamps, ziik.origin());
        }
    }

    /** A change made in Ziik at {@code changedAt} (nanoTime) to Ziik object {@code ziikId}, awaited in {@code state}. */
    record Pending(LearningbankState state, long ziikId, long changedAt) {
    }

    /**
     * Every 2 ms until interrupted: which pending changes has Learningbank now? Each sweep asks
     * {@code sweep} for a test of one change (by its key); a change that passes is timed and no
     * longer pending.
     */
    static void watch(Map<String, Pending> pending, List<Long> latencies,
                      Supplier<Predicate<Map.Entry<String, Pending>>> sweep) {
        watch(pending, latencies, sweep, (key, at) -> { });
    }

    /** {@link #watch}, also telling {@code arrived} each change's key and when (epoch ms) it arrived. */
    static void watch(Map<String, Pending> pending, List<Long> latencies,
                      Supplier<Predicate<Map.Entry<String, Pending>>> sweep, java.util.function.BiConsumer<String, Long> arrivedAt) {
        while (!Thread.currentThread().isInterrupted()) {
            if (!pending.isEmpty()) {
                Predicate<Map.Entry<String, Pending>> arrived = sweep.get();
                for (Map.Entry<String, Pending> change : pending.entrySet()) {
                    if (arrived.test(change) && pending.remove(change.getKey()) != null) {
                        latencies.add((System.nanoTime() - change.getValue().changedAt()) / 1_000_000);
                        arrivedAt.accept(change.getKey(), System.currentTimeMillis());
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

    /** An email change (keyed by the email) has arrived when the user has it, or a newer one of the bench's. */
    static Predicate<Map.Entry<String, Pending>> emailArrived() {
        return change -> change.getValue().state().findUserByExternalId("ziik:" + change.getValue().ziikId())
                .map(u -> u.email().equals(change.getKey()) || newer(u.email(), change.getKey())).orElse(false);
    }

    /** A unit rename has arrived when a department has that name, or a later rename of the same unit's. */
    private static Predicate<Map.Entry<String, Pending>> renameArrived(LearningbankState state) {
        List<String> names = state.departments().stream().map(d -> d.name()).toList();
        return change -> {
            String suffix = " (" + change.getValue().ziikId() + ")";
            return names.stream().anyMatch(name -> name.equals(change.getKey())
                    || name.endsWith(suffix) && newerUnitName(name, change.getKey()));
        };
    }

    private static void report(PrintStream out, String what, List<Long> latencies) {
        report(out, what, latencies, "change in Ziik -> Learningbank shows it");
    }

    private static void report(PrintStream out, String what, List<Long> latencies, String measure) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        out.printf("%s %5d arrived, %s: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                what, sorted.size(), measure, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.getLast());
    }

    /**
     * The measure, "delivery received → Learningbank updated", for the user changes (the
     * simulator's log says when its POST of each change's first delivery began), and where the time
     * went in 5-second slices of the run: from the change until that POST began (Ziik sends its
     * deliveries one at a time, so they queue there when the receiver is slow), and from then until
     * Learningbank showed it (the service's intake, queue and work, and the checker's 2 ms).
     */
    private static void printFromDelivery(PrintStream out, Map<String, long[]> stamps, String ziikOrigin) throws Exception {
        Map<String, Long> sent = new java.util.HashMap<>();
        java.util.regex.Pattern benchEmail = java.util.regex.Pattern.compile("\"email\":\"(bench\\.[^\"]+)\"");
        for (var entry : LiveWorld.call("GET", ziikOrigin + "/_sim/deliveries", null).path("log")) {
            java.util.regex.Matcher m = benchEmail.matcher(entry.path("body").asString());
            if (m.find()) {
                sent.putIfAbsent(m.group(1), java.time.Instant.parse(entry.path("sentAt").asString()).toEpochMilli());
            }
        }
        long first = stamps.values().stream().mapToLong(t -> t[0]).min().orElse(0);
        List<Long> fromDelivery = new ArrayList<>();
        Map<Long, List<long[]>> slices = new java.util.TreeMap<>(); // {sent after, then shown after}, by slice
        stamps.forEach((email, t) -> {
            if (t[2] > 0 && sent.containsKey(email)) {
                fromDelivery.add(Math.max(0, t[2] - sent.get(email)));
                slices.computeIfAbsent((t[0] - first) / 5_000, k -> new ArrayList<>())
                        .add(new long[] {sent.get(email) - t[0], t[2] - sent.get(email)});
            }
        });
        fromDelivery.sort(null);
        report(out, "user email changes", fromDelivery, "delivery received -> Learningbank shows it");
        out.println("user changes by 5 s of the run: Ziik's delivery sent after (p50 / max), then Learningbank showed it after (p50 / max)");
        slices.forEach((slice, rows) -> out.printf("  %3d-%3d s  %4d changes  sent after %4d / %5d ms  then shown after %4d / %5d ms%n",
                slice * 5, slice * 5 + 5, rows.size(), median(rows, 0), max(rows, 0), median(rows, 1), max(rows, 1)));
    }

    private static long median(List<long[]> rows, int column) {
        return rows.stream().mapToLong(r -> r[column]).sorted().skip(rows.size() / 2).findFirst().orElse(0);
    }

    private static long max(List<long[]> rows, int column) {
        return rows.stream().mapToLong(r -> r[column]).max().orElse(0);
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
    private static boolean newer(String current, String expected) {
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
