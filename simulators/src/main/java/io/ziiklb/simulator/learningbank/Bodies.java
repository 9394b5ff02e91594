package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads request bodies into typed values. A wrong JSON type (a number for a name, an array that
 * holds anything but strings) is a 400 {@code bad_request}; what a well-typed value means (missing,
 * blank, unknown) is left to the rules, which answer 422. Unknown fields are ignored.
 */
final class Bodies {
    private Bodies() {
    }

    /** @throws SimProblem 400 when the body is empty, not JSON, or not a JSON object */
    static JsonNode object(SimRequest request) {
        JsonNode body = request.json();
        if (!body.isObject()) {
            throw SimProblem.badRequest("request body must be a JSON object");
        }
        return body;
    }

    /** The string at {@code field}; null when absent or JSON null. */
    static String string(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw SimProblem.badRequest(field + " must be a string");
        }
        return node.stringValue();
    }

    /**
     * A string field of a patch: null when absent (leave as is).
     *
     * @throws SimProblem 422 when explicitly null, since no patchable name or parent may be cleared
     */
    static String patchString(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node != null && node.isNull()) {
            throw FieldErrors.single(field, "must not be null");
        }
        return string(body, field);
    }

    /** A user create or patch body, remembering which fields were given (explicit nulls included). */
    static UserInput user(JsonNode body) {
        EnumSet<UserField> present = EnumSet.noneOf(UserField.class);
        for (UserField field : UserField.values()) {
            if (body.has(field.wireName)) {
                present.add(field);
            }
        }
        return new UserInput(present,
                string(body, UserField.EXTERNAL_ID.wireName),
                string(body, UserField.EMAIL.wireName),
                string(body, UserField.FIRST_NAME.wireName),
                string(body, UserField.LAST_NAME.wireName),
                bool(body, UserField.IS_ACTIVE.wireName),
                string(body, UserField.LANGUAGE.wireName),
                strings(body, UserField.DEPARTMENT_IDS.wireName),
                strings(body, UserField.PERMISSION_TYPE_IDS.wireName),
                string(body, UserField.JOB_PROFILE_ID.wireName));
    }

    /** The array of strings at {@code field}; null when absent or JSON null. */
    static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw SimProblem.badRequest(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode element : node.values()) {
            if (!element.isString()) {
                throw SimProblem.badRequest(field + " must be an array of strings");
            }
            values.add(element.stringValue());
        }
        return values;
    }

    /** The boolean at {@code field}; null when absent or JSON null. */
    static Boolean bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw SimProblem.badRequest(field + " must be true or false");
        }
        return node.booleanValue();
    }
}
