package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ziiklb.simulator.http.Faults;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The base's fault switches, as a client of the Learningbank API meets them. */
class FaultsTest extends SimulatorFixture {

    @Test
    void latencyDelaysApiCallsOnly() {
        sim.setFaults(Faults.none().withLatency(300));

        long apiMillis = millis(() -> assertThat(api.get("/settings").status()).isEqualTo(200));
        long controlMillis = millis(() -> assertThat(control("/_sim/state").status()).isEqualTo(200));

        assertThat(apiMillis).isGreaterThanOrEqualTo(300);
        assertThat(controlMillis).isLessThan(300);
        assertThat(sim.faults().latencyMillis()).isEqualTo(300);
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        sim.setFaults(Faults.none().withRateLimit(0.1, 2));

        var first = api.get("/settings");
        var second = api.get("/settings");
        var third = api.post("/permission-types", "{\"name\":\"Auditor\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorCode()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 10L);
        assertThat(state.findPermissionTypeByName("Auditor")).isEmpty();
    }

    @Test
    void anErrorAnswers500WithoutApplying() {
        sim.setFaults(Faults.none().withErrorRate(1.0));

        var response = api.post("/departments", "{\"name\":\"Sales\",\"parent_id\":\"" + top() + "\"}");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.errorCode()).isEqualTo("server_error");
        assertThat(state.findDepartmentByName("Sales")).isEmpty();
    }

    @Test
    void aLostResponseAppliesTheChangeButTheClientSeesAFailure() {
        sim.setFaults(Faults.none().withLostResponseRate(1.0));
        int dropped = 0;
        int errors = 0;

        for (int i = 0; i < 8; i++) {
            try {
                var response = api.post("/departments", "{\"name\":\"Lost " + i + "\",\"parent_id\":\"" + top() + "\"}");
                assertThat(response.status()).isEqualTo(500);
                assertThat(response.errorCode()).isEqualTo("server_error");
                errors++;
            } catch (UncheckedIOException droppedConnection) {
                dropped++;
            }
        }

        assertThat(dropped + errors).isEqualTo(8);
        assertThat(state.departments()).hasSize(9);
        assertThat(sim.requestLog().count("POST", "/api/v1/departments")).isEqualTo(8);
    }

    @Test
    void aTimeoutDropsTheConnectionWithoutApplying() {
        sim.setFaults(Faults.none().withTimeouts(1.0, 50));

        Throwable thrown = catchThrowable(() -> api.post("/permission-types", "{\"name\":\"Auditor\"}"));

        assertThat(thrown).isInstanceOf(UncheckedIOException.class);
        assertThat(state.findPermissionTypeByName("Auditor")).isEmpty();
        assertThat(sim.requestLog().byStatus()).containsEntry(0, 1L);
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

    private static long millis(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
