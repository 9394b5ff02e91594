package io.ziiklb.learningbank;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A tiny HTTP server on 127.0.0.1 that plays the Learningbank side of one recorded exchange: it
 * answers the recorded response only when the request is the recorded one (method, path, query
 * parameters, both auth headers, JSON body); any other request gets a 418
 * {@code contract_mismatch} naming what differs, and is remembered, so the test fails either way.
 */
final class ContractServer implements AutoCloseable {
    static final String BASE = "/api/v1";

    private final HttpServer server;
    private final List<String> mismatches = new ArrayList<>();
    private RecordedExchange expected;
    private int requests;

    ContractServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/api/v1} */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
    }

    synchronized void expect(RecordedExchange exchange) {
        expected = exchange;
        requests = 0;
    }

    synchronized int requests() {
        return requests;
    }

    synchronized List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            byte[] body = http.getRequestBody().readAllBytes();
            RecordedExchange recorded;
            String mismatch;
            synchronized (this) {
                requests++;
                recorded = expected;
                mismatch = recorded == null ? "no exchange expected" : mismatch(recorded, http, body);
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
            if (mismatch != null) {
                send(http, 418, Map.of(), LbJson.write(Map.of("error",
                        Map.of("code", "contract_mismatch", "message", mismatch))));
                return;
            }
            send(http, recorded.status(), recorded.responseHeaders(),
                    recorded.responseBody() == null ? new byte[0] : LbJson.write(recorded.responseBody()));
        }
    }

    private static String mismatch(RecordedExchange recorded, HttpExchange http, byte[] body) {
        List<String> differences = new ArrayList<>();
        if (!recorded.method().equals(http.getRequestMethod())) {
            differences.add("method " + http.getRequestMethod() + ", recorded " + recorded.method());
        }
        String path = decode(http.getRequestURI().getRawPath());
        if (!path.equals(BASE + recorded.path())) {
            differences.add("path " + path + ", recorded " + BASE + recorded.path());
        }
        Map<String, String> query = query(http.getRequestURI().getRawQuery());
        if (!query.equals(recorded.query())) {
            differences.add("query " + query + ", recorded " + recorded.query());
        }
        recorded.headers().forEach((name, value) -> {
            String sent = http.getRequestHeaders().getFirst(name);
            if (!value.equals(sent)) {
                differences.add("header " + name + " '" + sent + "', recorded '" + value + "'");
            }
        });
        JsonNode sentBody = parse(body);
        if (!Objects.equals(sentBody, recorded.requestBody())) {
            differences.add("body " + sentBody + ", recorded " + recorded.requestBody());
        }
        return differences.isEmpty() ? null
                : "not the recorded request of " + recorded.name() + ": " + String.join("; ", differences);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return LbJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return LbJson.MAPPER.getNodeFactory().textNode("(not JSON) " + new String(body, StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange http, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> http.getResponseHeaders().set(k, v));
        if (body.length > 0) {
            http.getResponseHeaders().set("Content-Type", "application/json");
        }
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            http.getResponseBody().write(body);
        }
    }

    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Query parameters, decoded; order does not matter to a server. */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
