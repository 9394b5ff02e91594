package io.ziiklb.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;

/**
 * A tiny HTTP server for a simulator: routes with path templates ({@code /users/{id}}, and a
 * trailing {@code /**} that matches any rest of the path), fault
 * switches on the API routes, a request log, and the control routes every simulator has:
 * <ul>
 *   <li>{@code GET /_sim/requests} the request log, {@code DELETE /_sim/requests} resets it;</li>
 *   <li>{@code GET /_sim/faults} the switches, {@code PUT /_sim/faults} replaces them (a {@link Faults} as JSON);</li>
 *   <li>{@code GET /_sim/faults/injected} how many calls each switch hit ({@link InjectedFaults.Counts}),
 *       {@code DELETE /_sim/faults/injected} resets the counts.</li>
 * </ul>
 * Binds to the loopback address only.
 */
public final class SimHttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SimHttpServer.class.getName());

    static {
        // The JDK server writes the response headers and the body as separate TCP segments; with
        // Nagle's algorithm on, the body then waits for the client's delayed ACK, about 40 ms per
        // call for mid-sized answers (a page of users). TCP_NODELAY avoids it. The JDK reads this
        // property once, when the first HttpServer of the JVM is created, so it is set here,
        // before any simulator creates one; an explicit -D setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** A route handler. Throw {@link SimProblem} for an error answer. */
    @FunctionalInterface
    public interface Handler extends Function<SimRequest, SimResponse> {
    }

    private record Route(String method, String template, String[] segments, boolean api, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final RequestLog log = new RequestLog();
    private final InjectedFaults injected = new InjectedFaults();
    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.none());
    private final AtomicReference<TokenBucket> bucket = new AtomicReference<>();
    private volatile FaultTiming timing = FaultTiming.REAL;
    private final ErrorRenderer errors;
    private final Random random;
    private HttpServer server;
    private ExecutorService executor;

    public SimHttpServer(ErrorRenderer errors, long seed) {
        this.errors = errors;
        this.random = new Random(seed);
        control("GET", "/_sim/requests", req -> SimResponse.json(200, log.toJson()));
        control("DELETE", "/_sim/requests", req -> {
            log.reset();
            return SimResponse.noContent();
        });
        control("GET", "/_sim/faults", req -> SimResponse.json(200, faults.get()));
        control("PUT", "/_sim/faults", req -> {
            JsonNode body = req.json();
            try {
                setFaults(Json.MAPPER.treeToValue(body, Faults.class));
            } catch (RuntimeException e) {
                throw SimProblem.badRequest("not a valid set of fault switches: " + e.getMessage());
            }
            return SimResponse.json(200, faults.get());
        });
        control("GET", "/_sim/faults/injected", req -> SimResponse.json(200, injected.counts()));
        control("DELETE", "/_sim/faults/injected", req -> {
            injected.reset();
            return SimResponse.noContent();
        });
    }

    /** Registers an API route: fault switches apply and calls are logged. */
    public SimHttpServer api(String method, String template, Handler handler) {
        routes.add(new Route(method, template, split(template), true, handler));
        return this;
    }

    /** Registers a control route: no faults, not logged. */
    public SimHttpServer control(String method, String template, Handler handler) {
        routes.add(new Route(method, template, split(template), false, handler));
        return this;
    }

    /** Starts on {@code port} (0 = any free port) on 127.0.0.1. */
    public SimHttpServer start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    public RequestLog requestLog() {
        return log;
    }

    public Faults faults() {
        return faults.get();
    }

    /** How many API calls each fault switch has hit. */
    public InjectedFaults injectedFaults() {
        return injected;
    }

    public void setFaults(Faults newFaults) {
        faults.set(newFaults);
        bucket.set(newFaults.rateLimited()
                ? new TokenBucket(newFaults.rateLimitPerSecond(), newFaults.rateLimitBurst(), timing.nanoTime())
                : null);
    }

    /** Replaces the time the fault switches use; set it before {@link #setFaults}, which starts the rate limit's bucket. */
    public void setFaultTiming(FaultTiming newTiming) {
        timing = newTiming;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> params = new LinkedHashMap<>();
            Route route = match(method, path, params);
            if (route == null) {
                boolean otherMethod = routes.stream().anyMatch(r -> matches(r, path, new LinkedHashMap<>()));
                send(exchange, errors.render(otherMethod
                        ? new SimProblem(405, "method_not_allowed", method + " is not allowed on " + path)
                        : SimProblem.notFound("no such route: " + method + " " + path)));
                return;
            }
            SimRequest request = new SimRequest(method, path, params,
                    SimRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                    SimRequest.lowerCaseHeaders(exchange.getRequestHeaders()), readBody(exchange));
            if (route.api()) {
                serveApi(exchange, route, request);
            } else {
                send(exchange, call(route, request));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "exchange failed", e);
        }
    }

    /** Applies the fault switches around the handler. Returns the status sent, 0 for a dropped connection. */
    private int serveApi(HttpExchange exchange, Route route, SimRequest request) throws IOException {
        Faults f = faults.get();
        sleep(f.latencyMillis());
        if (roll(f.spikeRate())) {
            injected.count(InjectedFaults.Kind.SPIKE);
            sleep(f.spikeMillis());
        }
        TokenBucket limiter = bucket.get();
        if (limiter != null) {
            long waitSeconds = limiter.tryTake(timing.nanoTime());
            if (waitSeconds > 0) {
                injected.count(InjectedFaults.Kind.RATE_LIMITED);
                return answer(exchange, route, request, errors.render(new SimProblem(429, "rate_limited", "too many requests"))
                        .withHeader("Retry-After", Long.toString(waitSeconds)));
            }
        }
        if (roll(f.timeoutRate())) {
            injected.count(InjectedFaults.Kind.TIMEOUT);
            sleep(f.timeoutMillis());
            return answer(exchange, route, request, null); // closing the exchange without headers drops the connection
        }
        if (roll(f.errorRate())) {
            injected.count(InjectedFaults.Kind.ERROR);
            return answer(exchange, route, request, errors.render(new SimProblem(500, "server_error", "simulated server error")));
        }
        SimResponse response = call(route, request);
        if (roll(f.lostResponseRate())) {
            injected.count(InjectedFaults.Kind.LOST_RESPONSE);
            if (roll(0.5)) {
                return answer(exchange, route, request, null);
            }
            return answer(exchange, route, request, errors.render(new SimProblem(500, "server_error", "simulated lost response")));
        }
        return answer(exchange, route, request, response);
    }

    /**
     * Records the call in the request log, then sends {@code response} ({@code null} drops the
     * connection). Changed (learningbank simulator work): the log used to be written after the
     * answer was sent, so a client reading the log right after its own answer could miss its call.
     */
    private int answer(HttpExchange exchange, Route route, SimRequest request, SimResponse response) throws IOException {
        log.record(request.method(), route.template(), response == null ? 0 : response.status());
        return response == null ? 0 : send(exchange, response);
    }

    private SimResponse call(Route route, SimRequest request) {
        try {
            return route.handler().apply(request);
        } catch (SimProblem problem) {
            return errors.render(problem);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator handler failed", e);
            return errors.render(new SimProblem(500, "server_error", "simulator bug: " + e));
        }
    }

    private boolean roll(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    private static int send(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return response.status();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private Route match(String method, String path, Map<String, String> params) {
        for (Route route : routes) {
            params.clear();
            if (route.method().equals(method) && matches(route, path, params)) {
                return route;
            }
        }
        return null;
    }

    private static boolean matches(Route route, String path, Map<String, String> params) {
        String[] parts = split(path);
        String[] segments = route.segments();
        boolean wildcard = segments.length > 0 && segments[segments.length - 1].equals("**");
        int fixed = wildcard ? segments.length - 1 : segments.length;
        if (wildcard ? parts.length < fixed : parts.length != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            String expected = segments[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                params.put(expected.substring(1, expected.length() - 1),
                        java.net.URLDecoder.decode(parts[i], java.nio.charset.StandardCharsets.UTF_8));
            } else if (!expected.equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

    private void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            timing.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
