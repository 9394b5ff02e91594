package io.ziiklb.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a handler answers: a status, extra headers and a body (JSON unless said otherwise). */
public record SimResponse(int status, Map<String, String> headers, byte[] body, String contentType) {

    public static SimResponse json(int status, Object body) {
        return new SimResponse(status, Map.of(), Json.MAPPER.writeValueAsBytes(body), "application/json");
    }

    public static SimResponse html(int status, String html) {
        return new SimResponse(status, Map.of(), html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    public static SimResponse noContent() {
        return new SimResponse(204, Map.of(), new byte[0], null);
    }

    public static SimResponse redirect(String location) {
        return new SimResponse(302, Map.of("Location", location), new byte[0], null);
    }

    public SimResponse withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, Map.copyOf(copy), body, contentType);
    }
}
