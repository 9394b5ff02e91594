package io.ziiklb.bench;

import io.ziiklb.http.AllowedPeers;
import com.zaxxer.hikari.HikariDataSource;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationChanges;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.WritePermits;
import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.learningbank.LbCredentials;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.simulator.ChildJvm;
import io.ziiklb.sync.ExecutionPolicy;
import io.ziiklb.sync.FullSync;
import io.ziiklb.sync.SnapshotReader;
import io.ziiklb.sync.SyncContext;
import io.ziiklb.sync.Timing;
import io.ziiklb.sync.WriteGate;
import io.ziiklb.sync.StepOutcome;
import io.ziiklb.sync.SyncSettings;
import io.ziiklb.sync.WriteThroughLinkStore;
import io.ziiklb.ziik.ZiikClient;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A first full synchronisation of a generated organisation into an empty Learningbank with latency
 * on every call, then a second one of the unchanged organisation. The engine runs here with the
 * real clients, the real JDBC link store on an H2 file database, and the simulators in their own
 * JVMs. With {@code lbRate} (or {@code ziikRate}) the simulator answers 429 beyond that many calls
 * a second (a token bucket of as many), and the bench prints how close the sync ran to the floor
 * the limits set, and how many calls were refused.
 */
final class FullSyncBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FIRST_ROUND = "first sync into an empty Learningbank";
    private static final List<String> JOB_PROFILES = List.of("Employee", "Chef", "Waiter", "Bartender"); // the first is the default
    private final Path simulatorsJar;
    private final int users;
    private final long latencyMillis;
    private final long ziikLatencyMillis;
    private final int concurrency;
    private final double lbRate;
    private final double ziikRate;
    private int passes = 1;

    /** Ziik users read at once, as the service reads them. */
    private static final int ZIIK_READS_IN_FLIGHT = 16;

    /** @param lbRate Learningbank's rate limit, calls a second (0: none); {@code ziikRate} likewise for Ziik */
    FullSyncBench(Path simulatorsJar, int users, long latencyMillis, long ziikLatencyMillis, int concurrency, double lbRate,
                  double ziikRate) {
        this.simulatorsJar = simulatorsJar;
        this.users = users;
        this.latencyMillis = latencyMillis;
        this.ziikLatencyMillis = ziikLatencyMillis;
        this.concurrency = concurrency;
        this.lbRate = lbRate;
        this.ziikRate = ziikRate;
    }

    /**
     * Runs both rounds {@code passes} times in this JVM, each pass after the first for a new
     * integration into an emptied Learningbank: the first pass runs in a cold JVM, whose CPU is
     * half the JIT compiling the engine's code; the later ones cost what a running service pays.
     */
    FullSyncBench passes(int passes) {
        this.passes = passes;
        return this;
    }

    void run(PrintStream out) throws Exception {
        out.printf("full-sync bench: %,d users, latency per call Learningbank %d ms, Ziik %d ms; %d Learningbank calls and %d"
                        + " Ziik reads in flight, max heap %d MiB%n", users, latencyMillis, ziikLatencyMillis, concurrency,
                ZIIK_READS_IN_FLIGHT, Runtime.getRuntime().maxMemory() >> 20);
        out.printf("rate limits: Learningbank %s, Ziik %s (token buckets, burst = one second's calls); %d cores%n",
                lbRate > 0 ? lbRate + "/s" : "none", ziikRate > 0 ? ziikRate + "/s" : "none",
                Runtime.getRuntime().availableProcessors());
        Path dbDir = Files.createTempDirectory("ziiklb-bench");
        try (ChildJvm ziik = ChildJvm.simulator(simulatorsJar, "ziik", 0, List.of("--users", "" + users, "--seed", "1"));
             ChildJvm lb = ChildJvm.simulator(simulatorsJar, "learningbank", 0,
                     List.of("--latency-ms", "" + latencyMillis, "--job-profiles", JOB_PROFILES.getFirst() + "*,"
                             + String.join(",", JOB_PROFILES.subList(1, JOB_PROFILES.size()))));
             HikariDataSource db = new HikariDataSource()) {
            db.setMaximumPoolSize(concurrency * 2);
            // as the service opens it (io.ziiklb.H2QueryCache)
            db.setJdbcUrl(io.ziiklb.H2QueryCache.withQueryCache(
                    "jdbc:h2:file:" + dbDir.resolve("ziiklb") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
            db.setUsername("sa");
            Flyway.configure().dataSource(db).load().migrate();
            limit(lb.origin(), latencyMillis, lbRate);
            limit(ziik.origin(), ziikLatencyMillis, ziikRate);
            JdbcClient jdbc = JdbcClient.create(db);
            String integrationId = "bench";
            IntegrationStore integrations = new IntegrationStore(jdbc, SecretBox.fromBase64(SecretBox.newKey()));
            integrations.insert(
                    new Integration(integrationId, true, ziik.origin() + "/api", "integration@ziik.test",
                            lb.origin() + "/api/v1", "lb-api", IntegrationSettings.defaults(), Instant.now(), Instant.now()),
                    new IntegrationSecrets("ziik-secret", null, "lb-secret", "lb-token", "x", "y"));
            WriteGate gate = new WritePermits(integrations, new IntegrationChanges()).gate(integrationId); // as the service asks it
            PeerHttp http = PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback());
            PeerClients clients = new PeerClients(http, http, Clock.systemUTC(), Sleeper.SYSTEM);
            ExecutionPolicy policy = ExecutionPolicy.defaults().withConcurrency(concurrency);
            SyncSettings settings = SyncSettings.defaults().withUniqueUnits(true);

            List<String> rounds = new java.util.ArrayList<>(List.of(FIRST_ROUND, "second sync, nothing changed"));
            for (int pass = 2; pass <= passes; pass++) {
                rounds.add(FIRST_ROUND + ", pass " + pass + " (this JVM warm)");
                rounds.add("second sync, nothing changed, pass " + pass);
            }
            for (String round : rounds) {
                if (round.startsWith(FIRST_ROUND + ",")) {
                    integrationId = startOver(out, round, integrations, ziik.origin(), lb.origin());
                    gate = new WritePermits(integrations, new IntegrationChanges()).gate(integrationId);
                }
                send("DELETE", lb.origin() + "/_sim/requests");
                send("DELETE", ziik.origin() + "/_sim/requests");
                HeapPeak.reset();
                ZiikClient ziikClient = clients.ziik(ziik.origin() + "/api", "integration@ziik.test", "ziik-secret");
                LearningbankClient lbClient = clients.learningbank(
                        new LbCredentials(lb.origin() + "/api/v1", "lb-api", "lb-secret", "lb-token"), concurrency);
                SyncContext context = new SyncContext(ziikClient, lbClient,
                        new WriteThroughLinkStore(new JdbcLinkStore(jdbc, integrationId)), policy,
                        new Timing(Clock.systemUTC(), Sleeper.SYSTEM, new Random(1)), gate);
                FullSync sync = new FullSync(context, new SnapshotReader(ZIIK_READS_IN_FLIGHT, policy, Sleeper.SYSTEM, new Random(1)));
                PhaseTimer phases = new PhaseTimer();
                long started = System.nanoTime();
                long cpuStarted = engineCpuNanos();
                long compilerCpuStarted = CompilerCpu.nanos();
                Duration simulatorsCpuStarted = ziik.cpuTime().plus(lb.cpuTime());
                FullSync.Result result = sync.run(settings, phases, r -> { });
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = (engineCpuNanos() - cpuStarted) / 1e9;
                double compilerCpuSeconds = (CompilerCpu.nanos() - compilerCpuStarted) / 1e9;
                double simulatorsCpuSeconds = ziik.cpuTime().plus(lb.cpuTime()).minus(simulatorsCpuStarted).toNanos() / 1e9;
                phases.end();
                JsonNode lbRequests = JSON.readTree(send("GET", lb.origin() + "/_sim/requests"));
                report(out, round, result, seconds, phases, lbRequests);
                reportLimits(out, seconds, lbRequests, JSON.readTree(send("GET", ziik.origin() + "/_sim/requests")));
                out.printf("pacing at the end    Learningbank %s, Ziik %s%n", lbClient.pacer(), ziikClient.pacer());
                out.printf("engine CPU           %.2f s (this JVM only: the simulators run in JVMs of their own)%n", cpuSeconds);
                reportCpuPerObject(out, cpuSeconds, simulatorsCpuSeconds, lbRequests);
                out.printf("  of which JIT       %.2f s in the compiler threads, %.2f s the rest%n",
                        compilerCpuSeconds, cpuSeconds - compilerCpuSeconds);
            }
        }
    }

    /** Empties Learningbank (its job profiles seeded again) and adds a new integration to synchronise into it. */
    private static String startOver(PrintStream out, String round, IntegrationStore integrations, String ziikOrigin,
                                    String lbOrigin) throws Exception {
        send("POST", lbOrigin + "/_sim/reset");
        List<Map<String, Object>> profiles = JOB_PROFILES.stream()
                .map(name -> Map.<String, Object>of("name", name, "default", name.equals(JOB_PROFILES.getFirst()))).toList();
        HttpResponse<String> seeded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lbOrigin + "/_sim/seed"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("job_profiles", profiles)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (seeded.statusCode() != 200) {
            throw new IllegalStateException("the simulator refused the job profiles: " + seeded.body());
        }
        String id = java.util.UUID.randomUUID().toString();
        integrations.insert(new Integration(id, true, ziikOrigin + "/api", "integration@ziik.test", lbOrigin + "/api/v1", "lb-api",
                        IntegrationSettings.defaults(), Instant.now(), Instant.now()),
                new IntegrationSecrets("ziik-secret", null, "lb-secret", "lb-token", "x", "y"));
        out.printf("%n(%s: Learningbank emptied, integration %s added)%n", round, id);
        return id;
    }

    /**
     * CPU time of this JVM, which runs the engine alone: a figure that moves far less than wall time
     * on a shared machine, for comparing two versions of the code.
     */
    private static long engineCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The engine's CPU per 1,000 users and per write: the figure to compare between versions of the code. */
    private void reportCpuPerObject(PrintStream out, double cpuSeconds, double simulatorsCpuSeconds, JsonNode lbRequests) {
        long writes = appliedWrites(lbRequests);
        out.printf("engine CPU per 1,000 users %.3f s%s; the simulators' JVMs meanwhile %.2f s%n", cpuSeconds * 1000 / users,
                writes == 0 ? "" : String.format(", per write %.3f ms", cpuSeconds * 1000 / writes), simulatorsCpuSeconds);
    }

    private void report(PrintStream out, String round, FullSync.Result result, double seconds, PhaseTimer phases,
                        JsonNode requests) {
        long writes = appliedWrites(requests);
        long total = requests.path("total").asLong() - refused(requests);
        out.printf("%n== %s%n", round);
        out.printf("wall time            %.2f s  (%s)%n", seconds, phases);
        out.printf("Learningbank calls   %,d (%,d reads, %,d writes; answered 429 not counted)%n", total, total - writes, writes);
        requests.path("routes").properties().forEach(e -> out.printf("    %-40s %,8d%n", e.getKey(), e.getValue().asLong()));
        Map<StepOutcome, Integer> counts = new EnumMap<>(result.report().counts());
        Map<String, Long> problems = java.util.stream.Stream.concat(result.plan().problems().stream(),
                        result.report().problems().stream())
                .collect(java.util.stream.Collectors.groupingBy(io.ziiklb.sync.Problem::code, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
        out.printf("steps                %s; problems by code %s%n", counts, problems);
        long created = counts.getOrDefault(StepOutcome.CREATED, 0);
        out.printf("writes per created   %.3f (target: exactly 1)%n", created == 0 ? 0.0 : (double) writes / created);
        out.printf("peak heap            %,d MiB%n", HeapPeak.bytes() >> 20);
    }

    /**
     * The calls each peer refused, and the floor the peers set. Reading Ziik and writing to
     * Learningbank overlap, so the floor is the longer of the two: Ziik's calls at its rate limit
     * when it has one, else its latency over the reads in flight; Learningbank's writes likewise.
     */
    private void reportLimits(PrintStream out, double seconds, JsonNode lbRequests, JsonNode ziikRequests) {
        refused(out, "Learningbank", lbRequests);
        refused(out, "Ziik", ziikRequests);
        long writes = appliedWrites(lbRequests);
        long ziikCalls = ziikRequests.path("total").asLong() - refused(ziikRequests);
        double reading = ziikRate > 0 ? ziikCalls / ziikRate : 2.0 * users * ziikLatencyMillis / 1000.0 / ZIIK_READS_IN_FLIGHT;
        double writing = lbRate > 0 ? writes / lbRate : writes * latencyMillis / 1000.0 / concurrency;
        double floor = Math.max(reading, writing);
        if (floor <= 0) {
            return;
        }
        out.printf("floor                %.2f s = max(%s %.2f s, %s %.2f s); wall / floor %.3f (target <= %s)%n", floor,
                ziikRate > 0 ? "Ziik calls / Ziik rate" : "2 x users x Ziik latency / reads in flight", reading,
                lbRate > 0 ? "writes / Learningbank rate" : "writes x Learningbank latency / calls in flight", writing,
                seconds / floor, lbRate > 0 || ziikRate > 0 ? "1.05" : "1.15");
    }

    /**
     * The writes Learningbank applied: the simulator counts a refused call under its route, and the
     * few reads of a sync come first, inside the limit's burst, so every 429 is taken for a write.
     */
    private static long appliedWrites(JsonNode requests) {
        return requests.path("writes").asLong() - refused(requests);
    }

    private static long refused(JsonNode requests) {
        return requests.path("statuses").path("429").asLong();
    }

    private static void refused(PrintStream out, String peer, JsonNode requests) {
        long total = requests.path("total").asLong();
        long refused = refused(requests);
        out.printf("%-20s %,d calls, %,d answered 429 (%.2f%%; target <= 1%%)%n", peer, total, refused,
                total == 0 ? 0.0 : 100.0 * refused / total);
    }

    /** Replaces the simulator's fault switches: its latency, and a token bucket of {@code perSecond} (none for 0). */
    private static void limit(String origin, long latencyMillis, double perSecond) throws Exception {
        String faults = JSON.writeValueAsString(Map.of("latencyMillis", latencyMillis, "rateLimitPerSecond", perSecond,
                "rateLimitBurst", (int) Math.ceil(perSecond), "timeoutRate", 0, "timeoutMillis", 0, "errorRate", 0,
                "lostResponseRate", 0, "spikeRate", 0, "spikeMillis", 0));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin + "/_sim/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(faults)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the simulator refused the fault switches: " + r.body());
        }
    }

    private static String send(String method, String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
