package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimResponse;

/** {@code /permission-types}: list (filter {@code name}, case-insensitive), get, create, rename, delete. */
final class PermissionTypeRoutes {
    private final LearningbankState state;

    PermissionTypeRoutes(LearningbankState state) {
        this.state = state;
    }

    void register(Api api) {
        api.route("GET", "/permission-types", req -> Wire.list(
                state.listPermissionTypes(req.queryParam("name").orElse(null), PageRequest.from(req)),
                Wire::permissionType));
        api.route("GET", "/permission-types/{id}",
                req -> Wire.data(200, Wire.permissionType(state.permissionType(req.pathParam("id")))));
        api.route("POST", "/permission-types", req -> Wire.data(201,
                Wire.permissionType(state.createPermissionType(Bodies.string(Bodies.object(req), "name")))));
        api.route("PATCH", "/permission-types/{id}", req -> Wire.data(200, Wire.permissionType(
                state.renamePermissionType(req.pathParam("id"), Bodies.patchString(Bodies.object(req), "name")))));
        api.route("DELETE", "/permission-types/{id}", req -> {
            state.deletePermissionType(req.pathParam("id"));
            return SimResponse.noContent();
        });
    }
}
