package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimResponse;
import java.util.function.Supplier;

/**
 * The Learningbank simulator's own control routes (no auth, no faults, not logged):
 * {@code GET /_sim/state}, {@code POST /_sim/seed} (see {@link Seeding}) and {@code POST /_sim/reset}.
 */
final class ControlRoutes {
    private final LearningbankState state;
    private final Supplier<String> platformUrl;
    private final Runnable reset;

    ControlRoutes(LearningbankState state, Supplier<String> platformUrl, Runnable reset) {
        this.state = state;
        this.platformUrl = platformUrl;
        this.reset = reset;
    }

    void register(SimHttpServer server) {
        server.control("GET", "/_sim/state", req -> SimResponse.json(200, Wire.state(state.snapshot(), platformUrl.get())));
        server.control("POST", "/_sim/seed", req -> SimResponse.json(200, new Seeding(state).apply(Bodies.object(req))));
        server.control("POST", "/_sim/reset", req -> {
            reset.run();
            return SimResponse.noContent();
        });
    }
}
