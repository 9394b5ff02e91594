package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimResponse;
import java.time.Duration;

/**
 * The webhook delivery control routes (no auth, no faults, not logged):
 * <pre>
 * GET    /_sim/deliveries        {"switches": {...}, "pending": n, "counts": {DeliveryCounts}, "log": [Delivery...]}
 * PUT    /_sim/deliveries        {"dropRate", "duplicateRate", "delayMillis", "reorder",
 *                                 "membershipChangesFireUserUpdate", "senders"} replaces the switches; a
 *                                 missing field is off (0 or false; senders 1), as PUT /_sim/faults does
 * DELETE /_sim/deliveries        clears the log
 * POST   /_sim/deliveries/idle   {"timeoutMillis"? (default 5000)} waits until nothing is pending:
 *                                 {"idle": true|false, "pending": n}
 * </pre>
 */
final class DeliveryControlRoutes {
    private final DeliveryDispatcher dispatcher;

    DeliveryControlRoutes(DeliveryDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void register(SimHttpServer server) {
        server.control("GET", "/_sim/deliveries", r -> SimResponse.json(200,
                object("switches", dispatcher.switches(), "pending", dispatcher.pending(),
                "counts", dispatcher.counts(), "log", dispatcher.log())));
        server.control("PUT", "/_sim/deliveries", r -> {
            BodyFields b = BodyFields.of(r);
            try {
                dispatcher.setSwitches(new DeliverySwitches(b.decimal("dropRate"), b.decimal("duplicateRate"),
                        b.longInteger("delayMillis", 0), b.flag("reorder"), b.flag("membershipChangesFireUserUpdate"),
                        (int) b.longInteger("senders", 1)));
            } catch (IllegalArgumentException e) {
                throw new SimProblem(422, "validation", e.getMessage());
            }
            return SimResponse.json(200, dispatcher.switches());
        });
        server.control("DELETE", "/_sim/deliveries", r -> {
            dispatcher.clearLog();
            return SimResponse.noContent();
        });
        server.control("POST", "/_sim/deliveries/idle", r -> {
            long timeout = BodyFields.of(r).longInteger("timeoutMillis", 5000);
            boolean idle;
            try {
                idle = dispatcher.awaitIdle(Duration.ofMillis(timeout));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                idle = false;
            }
            return SimResponse.json(200, object("idle", idle, "pending", dispatcher.pending()));
        });
    }
}
