package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimHttpServer;

/**
 * Registers routes of the Learningbank API: under {@value #BASE}, behind {@link Auth}, and as API
 * routes of the server, so fault switches apply and the request log counts them per template
 * (e.g. {@code "GET /api/v1/users/{id}"}).
 */
record Api(SimHttpServer server, Auth auth) {
    static final String BASE = "/api/v1";

    void route(String method, String path, SimHttpServer.Handler handler) {
        server.api(method, BASE + path, request -> {
            auth.check(request);
            return handler.apply(request);
        });
    }
}
