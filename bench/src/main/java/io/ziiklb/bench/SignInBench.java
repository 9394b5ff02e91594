package io.ziiklb.bench;

import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.ziik.ZiikUserSummary;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;

/**
 * Automatic sign-in as an employee feels it: a click on Ziik's Learningbank shortcut
 * ({@code GET /_sim/app/{userId}/open}, where the Ziik simulator mints the launch token) through
 * the service's launch and Learningbank's login link to Learningbank's landing page, timed from
 * the click until the landing page has arrived. Each click is a fresh browser (no remembered
 * sign-in), so every one goes through a launch token. Both simulators answer their APIs 5 ms late.
 * Measured for users the first synchronisation made, for users created in Ziik with the webhooks
 * dropped (so the launch synchronises them on the spot), and as launches per second from
 * concurrent clients on the one instance.
 */
final class SignInBench {
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Path home;
    private final long latencyMillis;
    private final int clicks;
    private final int clients;
    private final int seconds;
    private final boolean postgres;

    SignInBench(Path home, long latencyMillis, int clicks, int clients, int seconds, boolean postgres) {
        this.home = home;
        this.latencyMillis = latencyMillis;
        this.clicks = clicks;
        this.clients = clients;
        this.seconds = seconds;
        this.postgres = postgres;
    }

    void run(PrintStream out) throws Exception {
        out.printf("sign-in bench: %s, peers %d ms late, %d clicks per kind, then %d clients for %d s%n",
                postgres ? "PostgreSQL" : "H2 (file)", latencyMillis, clicks, clients, seconds);
        try (LiveWorld world = new LiveWorld(home, 500, latencyMillis, postgres)) {
            String ziik = world.ziik.origin();
            LiveWorld.call("PUT", ziik + "/_sim/faults", Faults.none().withLatency(latencyMillis));
            JsonNode on = world.api("POST", "/integrations/" + world.integrationId + "/sso", Map.of());
            LiveWorld.call("PUT", ziik + "/_sim/sso", Map.of("launchUrl", on.path("launchUrl").asString(),
                    "secret", on.path("secret").asString(), "platformUrl", world.learningbank.platformUrl()));
            List<Long> synchronised = new PeerClients(PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30),
                    AllowedPeers.loopback()), PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback()),
                    Clock.systemUTC(), Sleeper.SYSTEM).ziik(ziik + "/api", "integration@ziik.test", "ziik-secret")
                    .activeUsers().stream().map(ZiikUserSummary::id).toList();
            Random random = new Random(7);
            out.println("warming up (" + clicks + " clicks, not counted)...");
            for (int i = 0; i < clicks; i++) {
                click(ziik, synchronised.get(random.nextInt(synchronised.size())));
            }
            List<Double> known = new ArrayList<>();
            Duration serviceCpuBefore = world.service.cpuTime();
            for (int i = 0; i < clicks; i++) {
                known.add(click(ziik, synchronised.get(random.nextInt(synchronised.size()))));
            }
            report(out, "a synchronised user", known, " (target: p99 under 150 ms)");
            out.printf("service CPU per launch of a synchronised user %.2f ms (its JVM, over those clicks)%n",
                    world.service.cpuTime().minus(serviceCpuBefore).toNanos() / 1e6 / clicks);

            LiveWorld.call("PUT", ziik + "/_sim/deliveries", Map.of("dropRate", 1.0)); // Ziik's webhooks lost
            List<Double> newcomers = new ArrayList<>();
            for (int i = 0; i < clicks; i++) {
                long id = LiveWorld.call("POST", ziik + "/_sim/users", Map.of("firstName", "New", "lastName", "Comer " + i,
                        "email", "newcomer" + i + "@bench.test")).path("id").asLong();
                newcomers.add(click(ziik, id));
            }
            report(out, "a user synchronised on the spot", newcomers, "");
            LiveWorld.call("PUT", ziik + "/_sim/deliveries", Map.of("dropRate", 0.0));

            throughput(out, ziik, synchronised);
        }
    }

    /** One click on the shortcut, followed to Learningbank's landing page; milliseconds. */
    private double click(String ziik, long userId) throws Exception {
        long started = System.nanoTime();
        String platform = null;
        URI next = URI.create(ziik + "/_sim/app/" + userId + "/open?url="
                + URLEncoder.encode(platformUrlOf(ziik), StandardCharsets.UTF_8));
        String cookie = null;
        for (int hop = 0; hop < 6; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> answer = BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                if (!answer.body().contains("Signed in as")) {
                    throw new IllegalStateException("landed on " + next + " not signed in: " + answer.body());
                }
                return (System.nanoTime() - started) / 1e6;
            }
            if (answer.statusCode() != 302) {
                throw new IllegalStateException("the click stopped at " + next.getPath() + " with " + answer.statusCode()
                        + ": " + answer.body());
            }
            // Learningbank's ticket sets its session cookie on the redirect to the landing page
            cookie = answer.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(cookie);
            next = next.resolve(answer.headers().firstValue("Location").orElseThrow());
        }
        throw new IllegalStateException("more than 6 redirects from the click");
    }

    private String platformUrl;

    /** The platform Ziik was told; the shortcut's target is its start page. */
    private String platformUrlOf(String ziik) throws Exception {
        if (platformUrl == null) {
            platformUrl = LiveWorld.call("GET", ziik + "/_sim/sso", null).path("platformUrl").asString() + "/";
        }
        return platformUrl;
    }

    private void throughput(PrintStream out, String ziik, List<Long> users) throws Exception {
        out.printf("launching from %d clients for %d s...%n", clients, seconds);
        LongAdder landed = new LongAdder();
        LongAdder failed = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                Random random = new Random(c);
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            click(ziik, users.get(random.nextInt(users.size())));
                            landed.increment();
                        } catch (Exception e) {
                            failed.increment();
                        }
                    }
                    return null;
                });
            }
        }
        double took = (System.nanoTime() - started) / 1e9;
        out.printf("launches on one instance: %,d landed in %.1f s, %,.0f per second (%d failed)%n", landed.sum(), took,
                landed.sum() / took, failed.sum());
    }

    private static void report(PrintStream out, String who, List<Double> millis, String target) {
        List<Double> sorted = millis.stream().sorted().toList();
        out.printf("click to landing page, %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d clicks%s%n", who,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.getLast(), sorted.size(), target);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
