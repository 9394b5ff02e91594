package io.ziiklb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The soak's webhook proxy: deliveries alternate, go to the other instance when one is down, and 502 when both are. */
class WebhookProxyTest {
    private final List<String> received = new CopyOnWriteArrayList<>(); // "<instance> <path> <signature>"
    private final HttpServer a = instance("a");
    private final HttpServer b = instance("b");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        a.stop(0);
        b.stop(0);
    }

    @Test
    void alternatesAndFailsOverToTheLiveInstance() throws Exception {
        try (WebhookProxy proxy = new WebhookProxy(List.of(origin(a), origin(b)), 0)) {
            assertThat(deliver(proxy, "/hooks/1")).isEqualTo(202);
            assertThat(deliver(proxy, "/hooks/2")).isEqualTo(202);
            b.stop(0); // killed
            assertThat(deliver(proxy, "/hooks/3")).isEqualTo(202); // a's turn
            assertThat(deliver(proxy, "/hooks/4")).isEqualTo(202); // b's turn: b does not answer, a gets it
            a.stop(0);
            assertThat(deliver(proxy, "/hooks/5")).isEqualTo(502);

            assertThat(received).containsExactly("a /hooks/1 sha256=x", "b /hooks/2 sha256=x", "a /hooks/3 sha256=x",
                    "a /hooks/4 sha256=x");
            assertThat(proxy.forwardedTo(0)).isEqualTo(3);
            assertThat(proxy.forwardedTo(1)).isEqualTo(1);
            assertThat(proxy.failedOver()).isEqualTo(1);
            assertThat(proxy.unanswered()).isEqualTo(1);
        }
    }

    private int deliver(WebhookProxy proxy, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.origin() + path)).header("X-Ziik-Signature", "sha256=x")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpServer instance(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                received.add(name + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("X-Ziik-Signature"));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String origin(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
