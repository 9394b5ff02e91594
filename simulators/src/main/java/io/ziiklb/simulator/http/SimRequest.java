package io.ziiklb.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** One parsed request, as a route handler sees it. Header names are lower-case. */
public record SimRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, String> query,
        Map<String, String> headers,
        byte[] body) {

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The body as JSON.
     *
     * @throws SimProblem 400 {@code bad_request} when the body is empty or not JSON
     */
    public JsonNode json() {
        if (body.length == 0) {
            throw SimProblem.badRequest("request body is empty");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw SimProblem.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.putIfAbsent(decode(key), decode(value));
        }
        return query;
    }

    static Map<String, String> lowerCaseHeaders(Map<String, List<String>> raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst());
            }
        });
        return headers;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
