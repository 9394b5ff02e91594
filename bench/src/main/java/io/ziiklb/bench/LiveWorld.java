package io.ziiklb.bench;

import io.ziiklb.integration.SecretBox;
import io.ziiklb.simulator.ChildJvm;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the live benchmarks run against: the Ziik simulator with a generated organisation (its own
 * JVM), the Learningbank simulator (this JVM, so its state can be watched for free), and the
 * packaged service (its own JVM) on H2 or on a fresh schema of the machine's PostgreSQL, with one
 * integration that has had its first synchronisation.
 */
final class LiveWorld implements AutoCloseable {
    static final String TOKEN = "bench-operator-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final ChildJvm ziik;
    final LearningbankSimulator learningbank;
    ChildJvm service;
    final String integrationId;

    LiveWorld(Path home, int users, long latencyMillis, boolean postgres) throws Exception {
        this(home, users, latencyMillis, postgres, 8);
    }

    /** @param workers the service's queue workers; 0 leaves the queue unworked (intake alone) */
    LiveWorld(Path home, int users, long latencyMillis, boolean postgres, int workers) throws Exception {
        Path simulators = home.resolve("simulators/target/ziiklb-simulators-standalone.jar");
        ziik = ChildJvm.simulator(simulators, "ziik", 0, List.of("--users", "" + users, "--seed", "1"));
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
        learningbank.setFaults(Faults.none().withLatency(latencyMillis));
        int port = ChildJvm.freePort();
        Map<String, String> environment = Map.of("ZIIKLB_PORT", "" + port, "ZIIKLB_PUBLIC_URL", "http://127.0.0.1:" + port,
                "ZIIKLB_DB_URL", postgres ? freshPostgresSchema() : freshH2(), "ZIIKLB_DB_USER", postgres ? "postgres" : "sa",
                "ZIIKLB_SECRET_KEY", SecretBox.newKey(), "ZIIKLB_OPERATOR_TOKEN", TOKEN, "ZIIKLB_ALLOWED_PEERS", "127.0.0.1,localhost");
        service = startService(home, port, environment, 8);
        integrationId = api("POST", "/integrations", Map.of(
                "ziik", Map.of("baseUrl", ziik.origin() + "/api", "username", "integration@ziik.test",
                        "password", "ziik-secret", "sharedSecret", "ziik-shared-secret"),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", "lb-api", "password", "lb-secret",
                        "token", "lb-token"),
                "settings", Map.of("uniqueUnits", true))).path("id").asString();
        String syncId = api("POST", "/integrations/" + integrationId + "/syncs", null).path("syncId").asString();
        while (api("GET", "/integrations/" + integrationId + "/syncs/" + syncId, null).path("status").asString().equals("running")) {
            Thread.sleep(200);
        }
        if (workers == 0) { // the first sync needed a worker: start the service again without one
            service.close();
            service = startService(home, port, environment, 0);
        }
    }

    /** The packaged service, with the GC pause goal that {@code ./ziiklb serve} gives it. */
    static ChildJvm startService(Path home, int port, Map<String, String> environment, int workers) throws Exception {
        return ChildJvm.start("service", home.resolve("service/target/ziiklb-service-exec.jar"), port, List.of("-Xmx1g", "-XX:MaxGCPauseMillis=50"),
                List.of("--ziiklb.queue.workers=" + workers), environment, "/actuator/health");
    }

    /** The service's admin API; {@code path} is under {@code /api/v1}. */
    JsonNode api(String method, String path, Object body) {
        return new AdminApiClient(service.origin(), TOKEN).call(method, "/api/v1" + path, body).ok();
    }

    /** The Ziik simulator's control endpoints ({@code /_sim/...}), which are not the service's API. */
    static JsonNode call(String method, String url, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** GET with the operator token, the body as text (for the metrics). */
    static String callText(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * Where the service says the time went (its timers' p50, p99 and max over the last two
     * minutes): queueing a delivery (until committed), waiting in the queue once due, the work.
     */
    void printTimings(java.io.PrintStream out) throws Exception {
        String prometheus = callText(service.origin() + "/actuator/prometheus");
        java.util.Map<String, java.util.Map<String, Double>> timers = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?m)^ziiklb_(webhook_queueing|queue_wait|queue_work)_seconds(?:_(max|count))?(?:\\{([^}]*)\\})? ([0-9.E+-]+)$")
                .matcher(prometheus);
        while (m.find()) {
            String labels = m.group(3) == null ? "" : m.group(3);
            java.util.regex.Matcher q = java.util.regex.Pattern.compile("quantile=\"([0-9.]+)\"").matcher(labels);
            String which = m.group(2) != null ? m.group(2) : q.find() ? "p" + Math.round(Double.parseDouble(q.group(1)) * 100) : null;
            if (which == null) {
                continue;
            }
            String series = m.group(1) + " " + labels.replaceAll(",?quantile=\"[^\"]*\"", "");
            timers.computeIfAbsent(series, k -> new java.util.TreeMap<>()).put(which, Double.parseDouble(m.group(4)) * 1000);
        }
        out.println("the service's own timers (count since start; p50, p99 and max over the last 2 minutes):");
        timers.forEach((series, figures) -> out.printf("  %-48s %,7.0f  p50 %6.1f ms, p99 %7.1f ms, max %7.1f ms%n", series,
                figures.getOrDefault("count", 0.0) / 1000, figures.getOrDefault("p50", 0.0), figures.getOrDefault("p99", 0.0),
                figures.getOrDefault("max", 0.0)));
    }

    private static String freshH2() throws Exception {
        return "jdbc:h2:file:" + Files.createTempDirectory("ziiklb-bench").resolve("ziiklb")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    static String freshPostgresSchema() throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
    }

    @Override
    public void close() {
        service.close();
        learningbank.close();
        ziik.close();
    }
}
