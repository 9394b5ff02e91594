package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders every error, including the base's 404, 429 and 5xx, as {@code {"error": {code, message, fields?}}}. */
final class LearningbankErrors {
    private LearningbankErrors() {
    }

    /** {@code fields} is left out when the problem names none. */
    static SimResponse render(SimProblem problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", problem.code());
        error.put("message", problem.getMessage());
        if (!problem.fields().isEmpty()) {
            error.put("fields", problem.fields());
        }
        return SimResponse.json(problem.status(), Map.of("error", error));
    }
}
