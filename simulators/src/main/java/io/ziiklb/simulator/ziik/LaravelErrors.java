package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.ErrorRenderer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimResponse;
import java.util.List;
import java.util.Map;

/** Ziik's error bodies, Laravel's: {@code {"message": "..."}}, plus {@code "errors": {field: [...]}} on 422. */
final class LaravelErrors implements ErrorRenderer {

    @Override
    public SimResponse render(SimProblem problem) {
        Map<String, Object> body = object("message", problem.getMessage());
        if (!problem.fields().isEmpty()) {
            body.put("errors", problem.fields());
        }
        return SimResponse.json(problem.status(), body);
    }

    /** A Laravel validation failure on one field. */
    static SimProblem invalid(String field, String message) {
        return new SimProblem(422, "validation", message, Map.of(field, List.of(message)));
    }
}
