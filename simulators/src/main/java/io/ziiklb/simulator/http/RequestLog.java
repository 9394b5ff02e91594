package io.ziiklb.simulator.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of API calls per {@code "METHOD /path/{template}"} and per answered status, readable by
 * tests and benchmarks in process or at {@code GET /_sim/requests}.
 */
public final class RequestLog {
    private final ConcurrentHashMap<String, LongAdder> byRoute = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    void record(String method, String template, int status) {
        byRoute.computeIfAbsent(method + " " + template, k -> new LongAdder()).increment();
        byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** Calls received for one route, e.g. {@code count("POST", "/api/v1/users")}. */
    public long count(String method, String template) {
        LongAdder adder = byRoute.get(method + " " + template);
        return adder == null ? 0 : adder.sum();
    }

    /** All calls whose method is not GET: the writes a synchronisation made. */
    public long writes() {
        return byRoute.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("GET "))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    public long total() {
        return byRoute.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Calls per route, sorted by route. */
    public Map<String, Long> byRoute() {
        Map<String, Long> copy = new TreeMap<>();
        byRoute.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Calls per answered status (0 for a dropped connection). */
    public Map<Integer, Long> byStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        byStatus.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public void reset() {
        byRoute.clear();
        byStatus.clear();
    }

    Map<String, Object> toJson() {
        return Map.of("routes", byRoute(), "statuses", byStatus(), "total", total(), "writes", writes());
    }
}
