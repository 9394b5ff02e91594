package io.ziiklb.web;

import io.ziiklb.http.ApiProblem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a JSON body could not be read, as the API says it: 413 when it went past the size limit,
 * otherwise 400 naming the field at fault ({@code settings.excludedEmails[2]}) and what it must be,
 * in plain words. Jackson's own message is never shown: it names Java classes and quotes the input.
 */
public final class UnreadableBody {
    private UnreadableBody() {
    }

    public static ApiProblem problem(Throwable unreadable) {
        if (BodyLimit.stoppedReading(unreadable)) {
            return new ApiProblem(413, ErrorStatus.code(413), ErrorStatus.message(413), Map.of());
        }
        JacksonException json = cause(unreadable);
        if (json == null) {
            return new ApiProblem(400, "bad_request", "the request needs a JSON body", Map.of());
        }
        if (json instanceof StreamConstraintsException) {
            return new ApiProblem(400, "bad_request", "the JSON body is nested too deeply or a value in it is too long",
                    Map.of());
        }
        if (json instanceof TypeProblems.Collected collected) {
            return new ApiProblem(400, "invalid", "the request has invalid fields", collected.fields());
        }
        String field = field(json);
        if (field.isEmpty()) {
            return new ApiProblem(400, "bad_request", json instanceof MismatchedInputException
                    ? "the body must be a JSON object" : "the body is not valid JSON", Map.of());
        }
        return new ApiProblem(400, "invalid", "the request has invalid fields", Map.of(field, List.of(expected(json))));
    }

    private static JacksonException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** The path of the value at fault, as the API names fields: {@code ziik.username}, {@code settings.excludedEmails[2]}. */
    static String field(JacksonException e) {
        StringBuilder name = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                name.append('[').append(step.getIndex()).append(']');
            }
        }
        return name.toString();
    }

    static String expected(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InputCoercionException) {
            return "must be a whole number between -2147483648 and 2147483647";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mustBe(mismatch.getTargetType());
        }
        return e instanceof StreamReadException ? "is not valid JSON" : "has the wrong type";
    }

    private static String mustBe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }
}
