package io.ziiklb.bench;

import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikUserSummary;
import io.ziiklb.ziik.ZiikWebhook;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
            ZiikClient ziik = new PeerClients(PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback()),
                    PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback()), Clock.systemUTC(), Sleeper.SYSTEM)
                    .ziik(world.ziik.origin() + "/api", "integration@ziik.test", "ziik-secret");
            String address = ziik.webhooks().stream().map(ZiikWebhook::uri).filter(u -> u.endsWith("event=user.update"))
                    .findFirst().orElseThrow();
            List<Long> people = ziik.activeUsers().stream().map(ZiikUserSummary::id).toList();
            URI target = URI.create(address);
            List<byte[]> requests = signedRequests(target, people);
            LongAdder accepted = new LongAdder();
            LongAdder refused = new LongAdder();
            out.printf("posting deliveries for %d s...%n", seconds);
            out.flush();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long started = System.nanoTime();
            Duration serviceCpuBefore = world.service.cpuTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    pool.submit(() -> {
                        Random random = new Random(client);
                        try (KeepAlive connection = new KeepAlive(target)) {
                            while (System.nanoTime() < end) {
                                int status = connection.send(requests.get(random.nextInt(requests.size())));
                                (status == 202 ? accepted : refused).increment();
                            }
                        }
                        return null;
                    });
                }
            }
            double took = (System.nanoTime() - started) / 1e9;
            Duration serviceCpu = world.service.cpuTime().minus(serviceCpuBefore);
            long queued = counter(LiveWorld.callText(world.service.origin() + "/actuator/prometheus"), "queued");
            out.printf("%naccepted %,d deliveries in %.1f s: %,.0f per second (target on PostgreSQL: at least 2,000)%n",
                    accepted.sum(), took, accepted.sum() / took);
            out.printf("refused %,d; the service counted %,d as durably queued: %s%n", refused.sum(), queued,
                    queued == accepted.sum() ? "none lost" : "MISMATCH");
            out.printf("service CPU per accepted delivery %.3f ms (its JVM over the %d s%s)%n",
                    serviceCpu.toNanos() / 1e6 / Math.max(1, accepted.sum()), seconds, workers == 0 ? "" : ", the reconciles included");
            world.printTimings(out);
        }
    }

    private static long counter(String prometheus, String outcome) {
        Matcher m = Pattern.compile("ziiklb_webhook_deliveries_total\\{outcome=\"" + outcome + "\"\\} ([0-9.E]+)").matcher(prometheus);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * One signed {@code user.update} delivery per person, as the bytes of a whole HTTP/1.1 request:
     * built once, so that the generator spends its CPU on sending, not on building requests (the
     * JDK's HttpClient cost it as much CPU per delivery as the service spent taking it in).
     */
    private static List<byte[]> signedRequests(URI target, List<Long> people) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("ziik-shared-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        List<byte[]> requests = new ArrayList<>();
        for (long person : people) {
            byte[] body = ("{\"content_type\":\"user\",\"id\":" + person + "}").getBytes(StandardCharsets.UTF_8);
            String head = "POST " + target.getRawPath() + "?" + target.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "X-Ziik-Signature: sha256=" + HexFormat.of().formatHex(mac.doFinal(body)) + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + body.length);
            System.arraycopy(body, 0, request, head.length(), body.length);
            requests.add(request);
        }
        return requests;
    }

    /**
     * A minimal HTTP/1.1 client on one kept-alive connection: sends a prepared request, reads the
     * status and the body ({@code Content-Length} only, as the service answers), and connects
     * again when the server closes the connection.
     */
    private static final class KeepAlive implements AutoCloseable {
        private final URI target;
        private Socket socket;
        private BufferedInputStream in;

        KeepAlive(URI target) {
            this.target = target;
        }

        int send(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket(target.getHost(), target.getPort());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream());
            }
            socket.getOutputStream().write(request);
            String status = line();
            int length = 0;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim();
                String value = header.substring(header.indexOf(':') + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            in.readNBytes(length);
            if (close) {
                close();
            }
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the service closed the connection mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }
}
