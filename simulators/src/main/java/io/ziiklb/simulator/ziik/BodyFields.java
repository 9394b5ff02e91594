package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.http.Json;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a JSON request body, read with Laravel-style 422 answers for missing or mistyped
 * fields. An empty body reads as {@code {}}.
 */
final class BodyFields {
    private final JsonNode body;

    private BodyFields(JsonNode body) {
        this.body = body;
    }

    /** @throws SimProblem 400 for malformed JSON or a body that is not an object */
    static BodyFields of(SimRequest request) {
        JsonNode body = request.body().length == 0 ? Json.MAPPER.createObjectNode() : request.json();
        if (!body.isObject()) {
            throw SimProblem.badRequest("the body must be a JSON object");
        }
        return new BodyFields(body);
    }

    boolean has(String field) {
        return body.hasNonNull(field);
    }

    String text(String field) {
        JsonNode value = body.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw LaravelErrors.invalid(field, "The " + field + " field is required.");
        }
        return value.stringValue();
    }

    /** The text, or null when absent. */
    String optionalText(String field) {
        return has(field) ? text(field) : null;
    }

    int integer(String field) {
        JsonNode value = body.path(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw LaravelErrors.invalid(field, "The " + field + " must be an integer.");
        }
        return value.intValue();
    }

    int integer(String field, int absent) {
        return has(field) ? integer(field) : absent;
    }

    long longInteger(String field, long absent) {
        JsonNode value = body.path(field);
        if (!has(field)) {
            return absent;
        }
        if (!value.isIntegralNumber()) {
            throw LaravelErrors.invalid(field, "The " + field + " must be an integer.");
        }
        return value.longValue();
    }

    /** A number; absent reads as 0. */
    double decimal(String field) {
        JsonNode value = body.path(field);
        if (!has(field)) {
            return 0;
        }
        if (!value.isNumber()) {
            throw LaravelErrors.invalid(field, "The " + field + " must be a number.");
        }
        return value.doubleValue();
    }

    /** A boolean; absent reads as false. */
    boolean flag(String field) {
        JsonNode value = body.path(field);
        if (has(field) && !value.isBoolean()) {
            throw LaravelErrors.invalid(field, "The " + field + " field must be true or false.");
        }
        return has(field) && value.booleanValue();
    }

    /** An array of ints; absent reads as empty. */
    List<Integer> integers(String field) {
        JsonNode value = body.path(field);
        if (!has(field)) {
            return List.of();
        }
        if (!value.isArray()) {
            throw LaravelErrors.invalid(field, "The " + field + " must be an array.");
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode n : value) {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw LaravelErrors.invalid(field, "The " + field + " must hold integers.");
            }
            out.add(n.intValue());
        }
        return out;
    }

    /** The raw field, a missing node when absent. */
    JsonNode node(String field) {
        return body.path(field);
    }
}
