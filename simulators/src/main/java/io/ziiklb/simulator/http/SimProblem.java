package io.ziiklb.simulator.http;

import java.util.List;
import java.util.Map;

/**
 * An error answer, thrown by a handler. Each simulator renders it in its own peer's error
 * format (see {@link ErrorRenderer}).
 */
public final class SimProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, List<String>> fields;

    public SimProblem(int status, String code, String message, Map<String, List<String>> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = fields;
    }

    public SimProblem(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static SimProblem badRequest(String message) {
        return new SimProblem(400, "bad_request", message);
    }

    public static SimProblem notFound(String message) {
        return new SimProblem(404, "not_found", message);
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
