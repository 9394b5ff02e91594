package io.ziiklb.bench;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikUserSummary;
import io.ziiklb.ziik.ZiikWebhook;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook intake: signed {@code user.update} deliveries posted to the service's receiver as fast as
 * {@code clients} loopback clients can, for {@code seconds}; each 202 must mean a durably queued
 * hint, so the service's own count of queued deliveries must equal the 202s counted here. The
 * queue worker runs meanwhile, as in production.
 */
final class IntakeBench {
    private final Path home;
    private final boolean postgres;
    private final int clients;
    private final int seconds;
    private final int workers;

    /** @param workers the service's queue workers during the load; 0: intake alone */
    IntakeBench(Path home, boolean postgres, int clients, int seconds, int workers) {
        this.home = home;
        this.postgres = postgres;
        this.clients = clients;
        this.seconds = seconds;
        this.workers = workers;
    }

    void run(PrintStream out) throws Exception {
        out.printf("intake bench: %s, %d clients for %d s, %s%n", postgres ? "PostgreSQL" : "H2 (file)", clients, seconds,
                workers == 0 ? "queue not worked meanwhile (intake alone)" : workers + " queue workers reconciling meanwhile");
        try (LiveWorld world = new LiveWorld(home, 500, 5, postgres, workers)) {
            ZiikClient ziik = new PeerClients(PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                    PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC(), Sleeper.SYSTEM)
                    .ziik(world.ziik.origin() + "/api", "integration@ziik.test", "ziik-secret");
            String address = ziik.webhooks().stream().map(ZiikWebhook::uri).filter(u -> u.endsWith("event=user.update"))
                    .findFirst().orElseThrow();
            List<Long> people = ziik.activeUsers().stream().map(ZiikUserSummary::id).toList();
            URI target = URI.create(address);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            LongAdder accepted = new LongAdder();
            LongAdder refused = new LongAdder();
            out.printf("posting deliveries for %d s...%n", seconds);
            out.flush();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    pool.submit(() -> {
                        Random random = new Random(client);
                        Mac mac = signer(); // one per client: looking the algorithm up per delivery cost the generator CPU
                        while (System.nanoTime() < end) {
                            byte[] body = ("{\"content_type\":\"user\",\"id\":" + people.get(random.nextInt(people.size())) + "}")
                                    .getBytes(StandardCharsets.UTF_8);
                            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(target)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .header("Content-Type", "application/json")
                                    .header("X-Ziik-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body))).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            (r.statusCode() == 202 ? accepted : refused).increment();
                        }
                        return null;
                    });
                }
            }
            double took = (System.nanoTime() - started) / 1e9;
            long queued = counter(LiveWorld.callText(world.service.origin() + "/actuator/prometheus"), "queued");
            out.printf("%naccepted %,d deliveries in %.1f s: %,.0f per second (target on PostgreSQL: at least 2,000)%n",
                    accepted.sum(), took, accepted.sum() / took);
            out.printf("refused %,d; the service counted %,d as durably queued: %s%n", refused.sum(), queued,
                    queued == accepted.sum() ? "none lost" : "MISMATCH");
        }
    }

    private static long counter(String prometheus, String outcome) {
        Matcher m = Pattern.compile("ziiklb_webhook_deliveries_total\\{outcome=\"" + outcome + "\"\\} ([0-9.E]+)").matcher(prometheus);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** HMAC-SHA256 keyed with the integration's shared secret, as Ziik signs a delivery. */
    private static Mac signer() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("ziik-shared-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac;
    }
}
