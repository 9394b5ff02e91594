package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import tools.jackson.databind.JsonNode;

/** {@code /departments}: list (filters {@code name}, case-insensitive, and {@code parent_id}), get, create, patch, delete. */
final class DepartmentRoutes {
    private final LearningbankState state;

    DepartmentRoutes(LearningbankState state) {
        this.state = state;
    }

    void register(Api api) {
        api.route("GET", "/departments", req -> Wire.list(state.listDepartments(
                req.queryParam("name").orElse(null), req.queryParam("parent_id").orElse(null), PageRequest.from(req)),
                Wire::department));
        api.route("GET", "/departments/{id}", req -> Wire.data(200, Wire.department(state.department(req.pathParam("id")))));
        api.route("POST", "/departments", this::create);
        api.route("PATCH", "/departments/{id}", this::update);
        api.route("DELETE", "/departments/{id}", req -> {
            state.deleteDepartment(req.pathParam("id"));
            return SimResponse.noContent();
        });
    }

    private SimResponse create(SimRequest req) {
        JsonNode body = Bodies.object(req);
        Department created = state.createDepartment(Bodies.string(body, "name"), Bodies.string(body, "parent_id"));
        return Wire.data(201, Wire.department(created));
    }

    private SimResponse update(SimRequest req) {
        JsonNode body = Bodies.object(req);
        Department updated = state.updateDepartment(req.pathParam("id"),
                Bodies.patchString(body, "name"), Bodies.patchString(body, "parent_id"));
        return Wire.data(200, Wire.department(updated));
    }
}
