package io.ziiklb.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a load balancer in front of the instances does for Ziik's webhooks: each delivery goes to
 * the next instance in turn; when that one does not answer (killed, or still starting) it goes to
 * the other, and when neither answers Ziik gets a 502 (and, as Ziik does not retry, the delivery is
 * lost until a full synchronisation repairs it). Both instances register this proxy as their public
 * URL, so the webhooks Ziik holds point here whichever instance registered them.
 */
final class WebhookProxy implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("Content-Type", "User-Agent", "X-Ziik-Signature");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> instances; // their origins
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLongArray forwarded;
    private final AtomicInteger failedOver = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** @param instances the instances' origins ({@code http://127.0.0.1:PORT}), in turn order; {@code port} 0: any free one */
    WebhookProxy(List<String> instances, int port) throws IOException {
        this.instances = List.copyOf(instances);
        this.forwarded = new AtomicLongArray(instances.size());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Deliveries each instance answered, in the order of the instances. */
    long forwardedTo(int instance) {
        return forwarded.get(instance);
    }

    /** Deliveries whose instance in turn did not answer, so that the other one got them. */
    int failedOver() {
        return failedOver.get();
    }

    /** Deliveries no instance answered (502 to Ziik). */
    int unanswered() {
        return unanswered.get();
    }

    private void forward(HttpExchange exchange) {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int first = Math.floorMod(turn.getAndIncrement(), instances.size());
            for (int attempt = 0; attempt < instances.size(); attempt++) {
                int at = (first + attempt) % instances.size();
                HttpResponse<byte[]> answer = send(instances.get(at), exchange, body);
                if (answer != null) {
                    forwarded.incrementAndGet(at);
                    failedOver.addAndGet(attempt > 0 ? 1 : 0);
                    reply(exchange, answer.statusCode(), answer.body());
                    return;
                }
            }
            unanswered.incrementAndGet();
            reply(exchange, 502, new byte[0]);
        } catch (IOException e) {
            // Ziik went away (its send timed out): nothing to answer
        }
    }

    /** The instance's answer, or null when it did not answer. */
    private HttpResponse<byte[]> send(String instance, HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(4)).method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : FORWARDED) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException notAnswered) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
