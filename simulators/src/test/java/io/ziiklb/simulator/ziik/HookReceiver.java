package io.ziiklb.simulator.ziik;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A tiny webhook receiver for tests: records every POST it gets and answers {@link #status}. */
final class HookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    /** How long each delivery is held before it is answered. */
    volatile long holdMillis;
    private final java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInside = new java.util.concurrent.atomic.AtomicInteger();

    /** One delivery as received; {@code event} is the query's {@code event} parameter. */
    record Received(String path, String event, String signature, String contentType, String body, long nanoTime) {
    }

    HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String query = exchange.getRequestURI().getRawQuery();
                received.add(new Received(exchange.getRequestURI().getRawPath(),
                        query != null && query.startsWith("event=") ? query.substring(6) : null,
                        exchange.getRequestHeaders().getFirst("X-Ziik-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body, System.nanoTime()));
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(holdMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inside.decrementAndGet();
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    /** A hook URI as the product registers it: the event in the query string. */
    String uri(String event) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/ziik/7/s3cret?event=" + event;
    }

    /** The most deliveries that were being received at the same time. */
    int mostAtOnce() {
        return mostInside.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> events() {
        return received.stream().map(Received::event).toList();
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
