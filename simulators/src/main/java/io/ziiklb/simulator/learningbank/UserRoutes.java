package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;

/**
 * {@code /users}: list (filters {@code external_id}, {@code email} case-insensitive,
 * {@code department_id}, {@code is_active}), get, create, patch, delete.
 */
final class UserRoutes {
    private final LearningbankState state;

    UserRoutes(LearningbankState state) {
        this.state = state;
    }

    void register(Api api) {
        api.route("GET", "/users", req -> Wire.list(state.listUsers(filter(req), PageRequest.from(req)), Wire::user));
        api.route("GET", "/users/{id}", req -> Wire.data(200, Wire.user(state.user(req.pathParam("id")))));
        api.route("POST", "/users", req -> Wire.data(201, Wire.user(state.createUser(Bodies.user(Bodies.object(req))))));
        api.route("PATCH", "/users/{id}", req -> Wire.data(200,
                Wire.user(state.updateUser(req.pathParam("id"), Bodies.user(Bodies.object(req))))));
        api.route("DELETE", "/users/{id}", req -> {
            state.deleteUser(req.pathParam("id"));
            return SimResponse.noContent();
        });
    }

    /** @throws SimProblem 400 when {@code is_active} is neither {@code true} nor {@code false} */
    private static UserFilter filter(SimRequest req) {
        Boolean active = req.queryParam("is_active").map(value -> switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw SimProblem.badRequest("is_active must be true or false, got '" + value + "'");
        }).orElse(null);
        return new UserFilter(req.queryParam("external_id").orElse(null), req.queryParam("email").orElse(null),
                req.queryParam("department_id").orElse(null), active);
    }
}
