package io.ziiklb.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of this service's error body, {@code {"error": {"code", "message", "fields"}}}
 * ({@code specs/service-api.md}): for the admin API's controllers, its security chain's refusals
 * and the webhook receiver alike. Written by Jackson, so a message may hold any character.
 */
public final class ErrorBody {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorBody() {
    }

    /** The body as a value for a JSON message converter; members in the order the API shows them. */
    public static Map<String, Object> of(String code, String message, Map<String, List<String>> fields) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("fields", fields);
        return Map.of("error", error);
    }

    /** The body as UTF-8 JSON bytes, for code that writes the response itself. */
    public static byte[] bytes(String code, String message, Map<String, List<String>> fields) {
        return JSON.writeValueAsBytes(of(code, message, fields));
    }
}
