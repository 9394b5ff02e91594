package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimResponse;
import java.nio.charset.StandardCharsets;

/**
 * Registers routes of the Learningbank API: under {@value #BASE}, behind {@link Auth}, and as API
 * routes of the server, so fault switches apply and the request log counts them per template
 * (e.g. {@code "GET /api/v1/users/{id}"}). Writes are also kept, in order and with their bodies,
 * in the {@link WriteJournal}, and may lose their answer by {@link LostResponses}.
 */
record Api(SimHttpServer server, Auth auth, WriteJournal journal, LostResponses lost) {
    static final String BASE = "/api/v1";

    void route(String method, String path, SimHttpServer.Handler handler) {
        String route = BASE + path;
        server.api(method, route, request -> {
            if (method.equals("GET")) {
                auth.check(request);
                return handler.apply(request);
            }
            String body = new String(request.body(), StandardCharsets.UTF_8);
            SimResponse response;
            try {
                auth.check(request);
                response = handler.apply(request);
            } catch (SimProblem refused) {
                journal.record(new WriteJournal.Call(method, route, request.path(), body, refused.status()));
                throw refused;
            }
            if (lost.take(method, route, body)) { // applied, but the client never hears so
                journal.record(new WriteJournal.Call(method, route, request.path(), body, 500));
                throw new SimProblem(500, "server_error", "simulated lost response");
            }
            journal.record(new WriteJournal.Call(method, route, request.path(), body, response.status()));
            return response;
        });
    }
}
