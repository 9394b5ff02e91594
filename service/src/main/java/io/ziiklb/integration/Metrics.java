package io.ziiklb.integration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ziiklb.http.CallObserver;
import io.ziiklb.sync.StepResult;
import java.time.Duration;

/**
 * What {@code /actuator/prometheus} shows of the work: calls to each peer by outcome, sync
 * durations by status, and sync steps by kind and outcome.
 */
public final class Metrics {
    private final MeterRegistry meters;

    public Metrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** {@code ziiklb_peer_calls_seconds{peer, method, outcome}}; outcome is the status class, 429, or {@code io_error}. */
    public static CallObserver peerCalls(MeterRegistry meters, String peer) {
        return (method, status, took) -> Timer.builder("ziiklb.peer.calls")
                .description("Calls to Ziik and Learningbank, by outcome")
                .tags("peer", peer, "method", method, "outcome", outcome(status))
                .register(meters)
                .record(took);
    }

    static String outcome(int status) {
        if (status == 0) {
            return "io_error";
        }
        return status == 429 ? "429" : status / 100 + "xx";
    }

    /** {@code ziiklb_sync_duration_seconds{status}}. */
    public void syncFinished(String status, Duration took) {
        Timer.builder("ziiklb.sync.duration").description("Full synchronisations, by how they ended")
                .tag("status", status).register(meters).record(took);
    }

    /** {@code ziiklb_sync_steps_total{kind, outcome}}. */
    public void step(StepResult result) {
        Counter.builder("ziiklb.sync.steps").description("Steps of synchronisations, by object kind and outcome")
                .tags("kind", result.step().operation().kind().wireName(), "outcome", result.outcome().name().toLowerCase())
                .register(meters).increment();
    }
}
