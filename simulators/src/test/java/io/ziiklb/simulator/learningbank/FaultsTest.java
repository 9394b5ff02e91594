package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.http.HandMovedTiming;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The base's fault switches, as a client of the Learningbank API meets them. */
class FaultsTest extends SimulatorFixture {
    private final HandMovedTiming timing = new HandMovedTiming();

    @Test
    void latencyDelaysApiCallsOnly() {
        sim.setFaultTiming(timing);
        sim.setFaults(Faults.none().withLatency(300));

        assertThat(api.get("/settings").status()).isEqualTo(200);
        assertThat(timing.sleeps()).as("the API call waited its latency").containsExactly(300L);
        assertThat(control("/_sim/state").status()).isEqualTo(200);
        assertThat(timing.sleeps()).as("the control route waited nothing more").containsExactly(300L);
        assertThat(sim.faults().latencyMillis()).isEqualTo(300);
    }

    @Test
    void aSpikeDelaysTheCallsItHitsBeyondTheLatency() {
        sim.setFaultTiming(timing);
        sim.setFaults(Faults.none().withLatency(10).withSpikes(1.0, 700));

        assertThat(api.get("/settings").status()).isEqualTo(200);
        sim.setFaults(Faults.none().withLatency(10).withSpikes(0, 700));
        assertThat(api.get("/settings").status()).isEqualTo(200);

        assertThat(timing.sleeps()).as("latency and spike, then latency alone").containsExactly(10L, 700L, 10L);
        assertThat(sim.injectedFaults().counts().spikes()).isEqualTo(1);
    }

    @Test
    void theInjectedFaultsAreCountedPerSwitchAndShownOverHttp() {
        sim.setFaults(Faults.none().withErrorRate(1.0));
        api.get("/settings");
        api.get("/settings");
        sim.setFaults(Faults.none().withLostResponseRate(1.0));
        outcome(() -> api.post("/permission-types", "{\"name\":\"Auditor\"}")); // a POST: the JDK client retries no POST
        sim.setFaults(Faults.none().withRateLimit(0.001, 1));
        api.get("/settings");
        api.get("/settings");

        assertThat(sim.injectedFaults().counts()).isEqualTo(new io.ziiklb.simulator.http.InjectedFaults.Counts(0, 1, 0, 2, 1));
        var shown = control("/_sim/faults/injected");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("errors").longValue()).isEqualTo(2);
        assertThat(shown.json().get("rateLimited").longValue()).isEqualTo(1);
        sim.injectedFaults().reset();
        assertThat(sim.injectedFaults().counts().total()).isZero();
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        sim.setFaultTiming(timing);
        sim.setFaults(Faults.none().withRateLimit(0.1, 2));

        var first = api.get("/settings");
        var second = api.get("/settings");
        var third = api.post("/permission-types", "{\"name\":\"Auditor\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorCode()).isEqualTo("rate_limited");
        // the burst of 2 is spent and no time has passed: one call refills in 1 / 0.1 = 10 seconds
        assertThat(third.headers().firstValue("Retry-After")).contains("10");
        assertThat(state.findPermissionTypeByName("Auditor")).isEmpty();

        timing.advanceSeconds(10);
        assertThat(api.post("/permission-types", "{\"name\":\"Auditor\"}").status()).isEqualTo(201);
    }

    @Test
    void anErrorAnswers500WithoutApplying() {
        sim.setFaults(Faults.none().withErrorRate(1.0));

        var response = api.post("/departments", "{\"name\":\"Sales\",\"parent_id\":\"" + top() + "\"}");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.errorCode()).isEqualTo("server_error");
        assertThat(state.findDepartmentByName("Sales")).isEmpty();
    }

    /**
     * Which lost responses end as a 500 and which as a dropped connection is fixed by the seed:
     * the fault dice are a {@link Random} seeded with the config's seed, rolled once for the
     * lost-response switch and once more for "500 or dropped" (below one half: dropped).
     */
    @Test
    void aLostResponseAppliesTheChangeButTheClientSeesAFailure() {
        sim.setFaults(Faults.none().withLostResponseRate(1.0));
        Random dice = new Random(LearningbankSimulator.Config.defaults().seed());
        List<String> expected = new ArrayList<>();
        List<String> seen = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            dice.nextDouble(); // the lost-response roll, always below 1.0
            expected.add(dice.nextDouble() < 0.5 ? "dropped" : "500 server_error");
            String body = "{\"name\":\"Lost " + i + "\",\"parent_id\":\"" + top() + "\"}";
            seen.add(outcome(() -> api.post("/departments", body)));
        }

        assertThat(seen).isEqualTo(expected).contains("dropped", "500 server_error");
        assertThat(state.departments()).extracting(Department::name).containsExactly("Acme",
                "Lost 0", "Lost 1", "Lost 2", "Lost 3", "Lost 4", "Lost 5", "Lost 6", "Lost 7");
        assertThat(sim.requestLog().count("POST", "/api/v1/departments")).isEqualTo(8);
        assertThat(sim.requestLog().byStatus()).isEqualTo(Map.of(
                0, seen.stream().filter("dropped"::equals).count(),
                500, seen.stream().filter("500 server_error"::equals).count()));
    }

    @Test
    void aTimeoutDropsTheConnectionWithoutApplying() {
        sim.setFaultTiming(timing);
        sim.setFaults(Faults.none().withTimeouts(1.0, 50));

        Throwable thrown = catchThrowable(() -> api.post("/permission-types", "{\"name\":\"Auditor\"}"));

        assertThat(thrown).isInstanceOf(UncheckedIOException.class);
        assertThat(timing.sleeps()).as("it hung for the timeout first").containsExactly(50L);
        assertThat(state.findPermissionTypeByName("Auditor")).isEmpty();
        assertThat(sim.requestLog().byStatus()).isEqualTo(Map.of(0, 1L));
    }

    @Test
    void faultsDoNotTouchControlRoutesOrPlatformPages() {
        sim.setFaults(Faults.none().withErrorRate(1.0));

        assertThat(control("/_sim/state").status()).isEqualTo(200);
        assertThat(control("/courses/1").status()).isEqualTo(200);
    }

    @Test
    void theRequestLogCountsCallsPerRouteTemplate() {
        String ann = seedUser("ann@example.com");
        String bo = state.seedUser(NewUser.of(null, "bo@example.com", "Bo", "Ek", List.of(top())));

        api.get("/users/" + ann);
        api.get("/users/" + bo);
        api.get("/users/u-999");
        api.patch("/users/" + bo, "{\"first_name\":\"Bob\"}");
        api.get("/users?email=ann@example.com");
        api.post("/users/" + ann + "/login-links", "{}");
        control("/_sim/state");

        var log = sim.requestLog();
        assertThat(log.count("GET", "/api/v1/users/{id}")).isEqualTo(3);
        assertThat(log.count("PATCH", "/api/v1/users/{id}")).isEqualTo(1);
        assertThat(log.count("GET", "/api/v1/users")).isEqualTo(1);
        assertThat(log.count("POST", "/api/v1/users/{id}/login-links")).isEqualTo(1);
        assertThat(log.total()).isEqualTo(6);
        assertThat(log.writes()).isEqualTo(2);
        assertThat(log.byStatus()).containsEntry(200, 4L).containsEntry(404, 1L).containsEntry(201, 1L);
    }

    private LbClient.Response control(String path) {
        return LbClient.fetch(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.platformUrl() + path)).build());
    }

    /** "500 server_error", or "dropped" when the connection was dropped without an answer. */
    private static String outcome(Supplier<LbClient.Response> call) {
        try {
            LbClient.Response response = call.get();
            return response.status() + " " + response.errorCode();
        } catch (UncheckedIOException droppedConnection) {
            return "dropped";
        }
    }
}
