package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects 422 {@code validation_failed} messages per wire field, so that one answer names every
 * offending field instead of only the first.
 */
final class FieldErrors {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    FieldErrors add(String field, String message) {
        fields.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        return this;
    }

    /** Adds "is required" / "must not be blank" when {@code value} is null or blank. */
    FieldErrors requireText(String field, String value) {
        if (value == null) {
            add(field, "is required");
        } else if (value.isBlank()) {
            add(field, "must not be blank");
        }
        return this;
    }

    /** @throws SimProblem 422 when any message was added */
    void throwIfAny() {
        if (!fields.isEmpty()) {
            throw problem();
        }
    }

    static SimProblem single(String field, String message) {
        return new FieldErrors().add(field, message).problem();
    }

    private SimProblem problem() {
        String summary = fields.entrySet().stream()
                .map(e -> e.getKey() + " " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
        return new SimProblem(422, "validation_failed", "validation failed: " + summary, Map.copyOf(fields));
    }
}
