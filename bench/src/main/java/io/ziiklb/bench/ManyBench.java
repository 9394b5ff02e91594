package io.ziiklb.bench;

import io.ziiklb.integration.SecretBox;
import io.ziiklb.simulator.ChildJvm;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Fairness between integrations (issue #4): one service instance (packaged jar, its own JVM, a
 * fresh PostgreSQL schema) with {@code integrations} integrations. One is big: the Ziik simulator
 * with a generated organisation of {@code bigUsers} users and a Learningbank simulator, each in a
 * JVM of its own. The others are small: each has its own Ziik and Learningbank simulator in this
 * JVM (every simulator is its own HTTP server on its own port, as separate tenants would be), with
 * {@code smallUsers} generated users. After every small integration's first synchronisation,
 * single user email changes are made in randomly chosen small integrations at {@code rate} per
 * second, first with nothing else running (the baseline), then while the big integration runs its
 * first full synchronisation; each change is timed from the change in Ziik until that
 * integration's Learningbank holds it (Ziik's delivery included, so an upper bound of "delivery
 * received → Learningbank updated"). Target: p99 below one second during the big sync.
 */
final class ManyBench {
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.eE+]+)$");
    private static final Pattern GC_PAUSES = Pattern.compile("(?m)^jvm_gc_pause_seconds_sum\\{[^}]*} ([0-9.eE+]+)$");
    private static final Pattern GC_LONGEST = Pattern.compile("(?m)^jvm_gc_pause_seconds_max\\{[^}]*} ([0-9.eE+]+)$");
    private static final Pattern THREADS = Pattern.compile("(?m)^jvm_threads_live_threads(?:\\{[^}]*})? ([0-9.eE+]+)$");

    private final Path home;
    private final int integrations;
    private final int bigUsers;
    private final int smallUsers;
    private final long latencyMillis;
    private final int perSecond;
    private final int seconds;
    private final int baselineSeconds;
    private final int workers;
    private String serviceOrigin;

    /** One small integration: its two simulators, and the Ziik ids of its users Learningbank holds. */
    private record Small(int index, ZiikSimulator ziik, LearningbankSimulator learningbank, List<Integer> people) {
    }

    ManyBench(Path home, int integrations, int bigUsers, int smallUsers, long latencyMillis, int perSecond, int seconds,
              int baselineSeconds, int workers) {
        this.workers = workers;
        this.home = home;
        this.integrations = integrations;
        this.bigUsers = bigUsers;
        this.smallUsers = smallUsers;
        this.latencyMillis = latencyMillis;
        this.perSecond = perSecond;
        this.seconds = seconds;
        this.baselineSeconds = baselineSeconds;
    }

    void run(PrintStream out) throws Exception {
        out.printf("many bench: %,d integrations: one of %,d users, %,d of %d users each; Learningbank latency %d ms;"
                        + " %d changes/s, %d s baseline, %d s during the big sync; %d queue workers%n", integrations, bigUsers,
                integrations - 1, smallUsers, latencyMillis, perSecond, baselineSeconds, seconds, workers);
        Path simulatorsJar = home.resolve("simulators/target/ziiklb-simulators-standalone.jar");
        List<Small> smalls = new ArrayList<>();
        String dbUrl = LiveWorld.freshPostgresSchema();
        int port = ChildJvm.freePort();
        long t0 = System.nanoTime();
        try (ChildJvm bigZiik = ChildJvm.simulator(simulatorsJar, "ziik", 0, List.of("--users", "" + bigUsers, "--seed", "1"));
             ChildJvm bigLb = ChildJvm.simulator(simulatorsJar, "learningbank", 0,
                     List.of("--latency-ms", "" + latencyMillis, "--job-profiles", "Employee*,Chef,Waiter,Bartender"));
             ChildJvm service = LiveWorld.startService(home, port, Map.of("ZIIKLB_PORT", "" + port,
                     "ZIIKLB_PUBLIC_URL", "http://127.0.0.1:" + port, "ZIIKLB_DB_URL", dbUrl, "ZIIKLB_DB_USER", "postgres",
                     "ZIIKLB_SECRET_KEY", SecretBox.newKey(), "ZIIKLB_OPERATOR_TOKEN", LiveWorld.TOKEN,
                     "ZIIKLB_ALLOWED_PEERS", "127.0.0.1,localhost"), workers);
             Connection db = DriverManager.getConnection(dbUrl, "postgres", "");
             Sampler sampler = new Sampler(service.origin(), db)) {
            serviceOrigin = service.origin();
            out.printf("service, big Ziik (%,d users) and big Learningbank started in %.1f s%n", bigUsers, secondsSince(t0));

            long t1 = System.nanoTime();
            for (int i = 1; i < integrations; i++) {
                ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults().withSeed(i));
                OrganisationGenerator.populate(ziik.organisation(), smallUsers, i);
                LearningbankSimulator lb = LearningbankSimulator.start(LearningbankSimulator.Config.defaults().withSeed(i));
                lb.setFaults(Faults.none().withLatency(latencyMillis));
                smalls.add(new Small(i, ziik, lb, new ArrayList<>()));
            }
            out.printf("%,d small Ziik and %,d small Learningbank simulators started in this JVM in %.1f s (%,d platform threads here)%n",
                    smalls.size(), smalls.size(), secondsSince(t1), ManagementFactory.getThreadMXBean().getThreadCount());

            sampler.start();
            createAndSyncSmall(out, smalls);
            for (Small s : smalls) {
                int admin = s.ziik().organisation().adminUserId();
                for (User u : s.learningbank().state().users()) {
                    if (u.isActive() && u.externalId() != null && u.externalId().startsWith("ziik:")) {
                        int ziikId = Integer.parseInt(u.externalId().substring(5));
                        if (ziikId != admin) {
                            s.people().add(ziikId);
                        }
                    }
                }
            }
            smalls.removeIf(s -> s.people().isEmpty());
            String big = create(bigZiik.origin() + "/api", bigLb.origin() + "/api/v1");
            out.printf("big integration created; waiting for the queue to empty (first role polls)...%n");
            awaitQueueEmpty(db, Duration.ofMinutes(2));

            Map<String, LiveBench.Pending> pending = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Thread checker = Thread.ofVirtual().start(() -> LiveBench.watch(pending, latencies, LiveBench::emailArrived));
            Random random = new Random(7);
            int[] counter = {0};

            sampler.reset();
            Window baseline = changes(smalls, random, counter, baselineSeconds, pending, latencies);
            Sampler.Peaks basePeaks = sampler.peaks();

            sampler.reset();
            long bigStarted = System.nanoTime();
            String syncId = api("POST", "/integrations/" + big + "/syncs", null).path("syncId").asString();
            sampler.watchSync(big, syncId);
            Window during = changes(smalls, random, counter, seconds, pending, latencies);
            Sampler.Peaks duringPeaks = sampler.peaks();
            JsonNode atEnd = api("GET", "/integrations/" + big + "/syncs/" + syncId, null);
            checker.interrupt();

            out.printf("%n== changes in small integrations, %d/s%n", perSecond);
            baseline.print(out, "baseline, nothing else running");
            during.print(out, "while the big integration's first full sync runs");
            out.printf("big sync when the changes stopped (%.0f s after its start): phase %s, %,d of %,d done; phases seen: %s%n",
                    secondsSince(bigStarted), atEnd.path("phase").asString(), atEnd.path("done").asLong(),
                    atEnd.path("total").asLong(), sampler.phases());
            out.printf("queued items by kind at their peak during the big sync: %s%n", sampler.kinds());
            out.printf("peaks, baseline:   %s%n", basePeaks);
            out.printf("peaks, during big: %s%n", duringPeaks);

        } finally {
            smalls.forEach(s -> {
                s.ziik().close();
                s.learningbank().close();
            });
        }
    }

    /**
     * Creates the small integrations, 8 at a time, and starts each one's first synchronisation as
     * soon as it exists; waits until every first synchronisation has finished.
     */
    private void createAndSyncSmall(PrintStream out, List<Small> smalls) throws Exception {
        String[] ids = new String[smalls.size()];
        String[] syncs = new String[smalls.size()];
        long[] took = new long[smalls.size()];
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < smalls.size(); i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    ids[n] = create(smalls.get(n).ziik().baseUrl(), smalls.get(n).learningbank().baseUrl());
                    took[n] = (System.nanoTime() - t) / 1_000_000;
                    syncs[n] = api("POST", "/integrations/" + ids[n] + "/syncs", null).path("syncId").asString();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        List<Long> sorted = new ArrayList<>();
        for (long t : took) {
            sorted.add(t);
        }
        Collections.sort(sorted);
        out.printf("created %,d small integrations in %.1f s, 8 at a time (credentials checked live, 6 webhooks"
                        + " registered each, then the first sync started); per create p50 %d ms, p99 %d ms, max %d ms%n",
                smalls.size(), secondsSince(started), LiveBench.percentile(sorted, 50), LiveBench.percentile(sorted, 99),
                sorted.getLast());
        Map<String, String> running = new LinkedHashMap<>(); // integration id -> sync id
        for (int i = 0; i < ids.length; i++) {
            running.put(ids[i], syncs[i]);
        }
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        while (!running.isEmpty() && secondsSince(started) < 900) {
            Thread.sleep(1000);
            for (var it = running.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                String status = api("GET", "/integrations/" + e.getKey() + "/syncs/" + e.getValue(), null)
                        .path("status").asString();
                if (!status.equals("running")) {
                    outcomes.merge(status, 1, Integer::sum);
                    it.remove();
                }
            }
        }
        long users = smalls.stream().mapToLong(s -> s.learningbank().state().userCount()).sum();
        out.printf("first syncs of the %,d small integrations all finished %.1f s after the first create; outcomes %s%s;"
                        + " %,d users in their Learningbanks%n", ids.length, secondsSince(started), outcomes,
                running.isEmpty() ? "" : ", " + running.size() + " still running", users);
    }

    private String create(String ziikApi, String learningbankApi) throws Exception {
        return api("POST", "/integrations", Map.of(
                "ziik", Map.of("baseUrl", ziikApi, "username", "integration@ziik.test",
                        "password", "ziik-secret", "sharedSecret", "ziik-shared-secret"),
                "learningbank", Map.of("baseUrl", learningbankApi, "username", "lb-api", "password", "lb-secret",
                        "token", "lb-token"),
                "settings", Map.of("uniqueUnits", true))).path("id").asString();
    }

    private JsonNode api(String method, String path, Object body) throws Exception {
        return new AdminApiClient(serviceOrigin, LiveWorld.TOKEN).call(method, "/api/v1" + path, body).ok();
    }

    /** Waits until no work is queued (or {@code limit} passed). */
    private static void awaitQueueEmpty(Connection db, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (db) {
                try (ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM work_item WHERE state <> 'dead'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
            }
            Thread.sleep(500);
        }
    }

    /** The latencies of one window of changes, and how many never showed. */
    private record Window(int seconds, int made, List<Long> sorted, int lost) {
        void print(PrintStream out, String label) {
            if (sorted.isEmpty()) {
                out.printf("%-50s %d changes, none arrived%n", label, made);
                return;
            }
            out.printf("%-50s %d changes, %d arrived, %d lost: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", label, made,
                    sorted.size(), lost, LiveBench.percentile(sorted, 50), LiveBench.percentile(sorted, 90),
                    LiveBench.percentile(sorted, 99), sorted.getLast());
        }
    }

    /**
     * Changes one user's email in a random small integration {@code perSecond} times a second for
     * {@code windowSeconds}, then waits up to 30 s for the last to show.
     */
    private Window changes(List<Small> smalls, Random random, int[] counter, int windowSeconds,
                           Map<String, LiveBench.Pending> pending, List<Long> latencies) throws Exception {
        latencies.clear();
        int total = perSecond * windowSeconds;
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long wait = start + n * intervalNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            Small s = smalls.get(random.nextInt(smalls.size()));
            int person = s.people().get(random.nextInt(s.people().size()));
            String email = "bench." + counter[0]++ + "." + person + "@example.com";
            pending.put(email, new LiveBench.Pending(s.learningbank().state(), person, System.nanoTime()));
            s.ziik().organisation().updateUser(person, UserUpdate.none().withEmail(email));
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        int lost = pending.size();
        pending.clear();
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        return new Window(windowSeconds, total, sorted, lost);
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    /**
     * Once a second: the service's heap in use and live threads (from its Prometheus page), the
     * queue's depth by kind (from the database), and the big sync's phase; keeps the peaks since
     * the last reset.
     */
    private final class Sampler implements AutoCloseable {
        private final String origin;
        private final Connection db;
        private final Map<String, String> phases = Collections.synchronizedMap(new LinkedHashMap<>());
        private volatile Thread thread;
        private volatile String bigId;
        private volatile String bigSync;
        private volatile long bigStarted;
        private volatile Peaks peaks = Peaks.zero();
        private volatile double gcSeconds;
        private volatile double gcSecondsAtReset = -1;
        private final Map<String, Long> kinds = new ConcurrentHashMap<>();

        /**
         * Peaks: service heap in use (MiB), live threads, user hints queued or in work, user hints
         * waiting for a worker, queued items of any kind; and the service's GC pause time (ms) since the
         * reset, and its longest GC pause (ms; the service's own maximum over its last two minutes).
         */
        record Peaks(long heapMib, long threads, long userItems, long userWaiting, long allItems, long gcMillis,
                     long gcLongestMillis) {
            static Peaks zero() {
                return new Peaks(0, 0, 0, 0, 0, 0, 0);
            }

            Peaks max(Peaks o) {
                return new Peaks(Math.max(heapMib, o.heapMib), Math.max(threads, o.threads), Math.max(userItems, o.userItems),
                        Math.max(userWaiting, o.userWaiting), Math.max(allItems, o.allItems), Math.max(gcMillis, o.gcMillis),
                        Math.max(gcLongestMillis, o.gcLongestMillis));
            }

            @Override
            public String toString() {
                return String.format("service heap %,d MiB, service threads %d, user hints queued or in work %d"
                                + " (waiting for a worker %d), queued items %d, service GC pauses %,d ms in all, longest %,d ms",
                        heapMib, threads, userItems, userWaiting, allItems, gcMillis, gcLongestMillis);
            }
        }

        Sampler(String origin, Connection db) {
            this.origin = origin;
            this.db = db;
        }

        void start() {
            thread = Thread.ofVirtual().start(this::loop);
        }

        void reset() {
            peaks = Peaks.zero();
            gcSecondsAtReset = gcSeconds;
            kinds.clear();
        }

        Peaks peaks() {
            return peaks;
        }

        void watchSync(String integrationId, String syncId) {
            bigStarted = System.nanoTime();
            bigId = integrationId;
            bigSync = syncId;
        }

        String kinds() {
            return new java.util.TreeMap<>(kinds).toString();
        }

        String phases() {
            synchronized (phases) {
                return phases.toString();
            }
        }

        /** The database every 250 ms, the Prometheus page and the big sync every second. */
        private void loop() {
            long heap = 0;
            long threads = 0;
            long gcMillis = 0;
            long gcLongestMillis = 0;
            for (long round = 0; !Thread.currentThread().isInterrupted(); round++) {
                try {
                    boolean full = round % 4 == 0;
                    if (full) {
                        String prometheus = LiveWorld.callText(origin + "/actuator/prometheus");
                        heap = 0;
                        for (Matcher m = HEAP.matcher(prometheus); m.find(); ) {
                            heap += (long) Double.parseDouble(m.group(1));
                        }
                        Matcher t = THREADS.matcher(prometheus);
                        threads = t.find() ? (long) Double.parseDouble(t.group(1)) : 0;
                        double gc = 0;
                        for (Matcher m = GC_PAUSES.matcher(prometheus); m.find(); ) {
                            gc += Double.parseDouble(m.group(1));
                        }
                        gcSeconds = gc;
                        gcMillis = gcSecondsAtReset < 0 ? 0 : (long) ((gc - gcSecondsAtReset) * 1000);
                        gcLongestMillis = 0;
                        for (Matcher m = GC_LONGEST.matcher(prometheus); m.find(); ) {
                            gcLongestMillis = Math.max(gcLongestMillis, (long) (Double.parseDouble(m.group(1)) * 1000));
                        }
                    }
                    long user = 0;
                    long waiting = 0;
                    long all = 0;
                    synchronized (db) {
                        try (ResultSet rs = db.createStatement().executeQuery("SELECT kind, COUNT(*),"
                                + " COUNT(CASE WHEN state = 'ready' THEN 1 END) FROM work_item WHERE state <> 'dead' GROUP BY kind")) {
                            while (rs.next()) {
                                all += rs.getLong(2);
                                kinds.merge(rs.getString(1), rs.getLong(2), Math::max);
                                if (rs.getString(1).equals("user")) {
                                    user = rs.getLong(2);
                                    waiting = rs.getLong(3);
                                }
                            }
                        }
                    }
                    peaks = peaks.max(new Peaks(heap >> 20, threads, user, waiting, all, gcMillis, gcLongestMillis));
                    if (bigSync != null && full) {
                        String phase = api("GET", "/integrations/" + bigId + "/syncs/" + bigSync, null).path("phase").asString();
                        phases.putIfAbsent(phase, String.format("%.0f s", secondsSince(bigStarted)));
                    }
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("sampler: " + e);
                }
            }
        }

        @Override
        public void close() {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
