package io.ziiklb.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal to show an API caller: HTTP status, stable code, message, and the fields at fault.
 * The admin layer renders it as {@code {"error": {"code", "message", "fields"}}}.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, List<String>> fields;

    public ApiProblem(int status, String code, String message, Map<String, List<String>> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // in the order the fields were checked
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not_found", what + " not found", Map.of());
    }

    public static ApiProblem invalid(Map<String, List<String>> fields) {
        return new ApiProblem(400, "invalid", "the request has invalid fields", fields);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, List<String>> fields() {
        return fields;
    }
}
