package io.ziiklb.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SweepStore;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Changes Ziik does not announce (rule L3, issue #14 part 5), through the whole service against
 * both simulators over HTTP, with Ziik's membership changes firing no webhook (the simulator's
 * default): a move to another primary unit reaches Learningbank by the list sweep, a change of the
 * roles held in a membership by the deep sweep. The sweeps are ticked by hand on a clock moved by
 * the test; what they queue is worked by the service's own queue workers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + SweepsIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:sweeps;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "ziiklb.sweeps.tick-seconds=86400", // the service's own ticker keeps out of the way of the test's
})
class SweepsIT {
    static final String TOKEN = "operator-token-for-sweeps";

    @LocalServerPort
    int port;
    @Autowired
    IntegrationStore integrations;
    @Autowired
    SyncRunStore runs;
    @Autowired
    SweepStore sweeps;
    @Autowired
    LiveSync live;

    private ZiikSimulator ziik;
    private LearningbankSimulator learningbank;
    private ZiikOrganisation org;
    private AdminApiClient api;
    private final MutableClock clock = new MutableClock(Instant.now());
    private PeriodicSweeps ticker;
    private int kitchen;
    private int harbour;
    private int chef;
    private int ann;

    @BeforeEach
    void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
        org = ziik.organisation();
        api = AdminApiClient.onPort(port, TOKEN);
        ticker = new PeriodicSweeps(integrations, runs, sweeps, live::sweep, clock, Duration.ofSeconds(15));
        kitchen = org.createUnit("Kitchen", org.topUnitId());
        harbour = org.createUnit("Harbour", org.topUnitId());
        chef = org.createRole("Chef");
        ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen, chef)));
        org.createUser(NewUser.of("Bo", "Lund", "bo@example.com", Membership.of(harbour)));
        assertThat(ziik.deliveries()).as("membership changes fire nothing").isEqualTo(DeliverySwitches.reliable());
    }

    @AfterEach
    void stop() {
        integrations.list().forEach(i -> api.call("DELETE", "/api/v1/integrations/" + i.id(), null));
        ziik.close();
        learningbank.close();
    }

    @Test
    void aMoveToAnotherPrimaryUnitThatFiresNoWebhook_arrivesByTheListSweep() {
        String id = synchronisedIntegration(Map.of("listSweepIntervalMinutes", 5, "deepSweepIntervalMinutes", 0));
        sweep(Duration.ZERO); // the baseline: queues nothing
        long sent = ziik.deliveryCounts().sent();

        org.replaceMembership(ann, 0, Membership.of(harbour, chef));
        assertThat(ziik.deliveryCounts().sent()).as("no delivery").isEqualTo(sent);
        sweep(Duration.ofMinutes(4));
        assertThat(departmentOf(ann)).as("not due yet").isEqualTo("Kitchen");

        sweep(Duration.ofMinutes(1));
        eventually(() -> departmentOf(ann).equals("Harbour"));
        assertThat(ziik.requestLog().count("GET", "/api/users/{id}/units")).as("read for the reconcile alone").isPositive();
        assertThat(status(id).path("queue").path("deadLetters").asInt()).isZero();
    }

    @Test
    void aChangeOfTheRolesHeldInAMembership_arrivesByTheDeepSweep() {
        int host = org.createRole("Host");
        String id = synchronisedIntegration(Map.of("listSweepIntervalMinutes", 5, "deepSweepIntervalMinutes", 5));
        sweep(Duration.ZERO); // the list baseline; memberships are first seen by reconciling each user once
        for (int step = 0; step < 20 && sweeps.population(id).withMemberships() < 3; step++) {
            sweep(Duration.ofMinutes(1));
        }
        assertThat(sweeps.population(id)).as("every active user's memberships seen").isEqualTo(new SweepStore.Population(3, 3, 0));
        ziik.requestLog().reset();

        org.replaceMembership(ann, 0, Membership.of(kitchen, host));
        for (int step = 0; step < 20 && !typesOf(ann).equals("Host"); step++) {
            sweep(Duration.ofMinutes(1));
        }
        assertThat(typesOf(ann)).isEqualTo("Host");
        assertThat(ziik.requestLog().count("GET", "/api/users/{id}/units")).as("the sweep's read, and the reconcile's").isGreaterThan(1);
    }

    /** An integration with these settings that has had its first synchronisation; returns its id. */
    private String synchronisedIntegration(Map<String, Object> settings) {
        LearningbankSimulator.Config lb = LearningbankSimulator.Config.defaults();
        AdminApiClient.Answer created = api.post("/api/v1/integrations", Map.of(
                "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", ziik.config().adminEmail(),
                        "password", ziik.config().adminPassword()),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", lb.username(), "password", lb.password(),
                        "token", lb.token()),
                "settings", settings));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String sync = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        eventually(() -> !api.get("/api/v1/integrations/" + id + "/syncs/" + sync).json().path("status").asString().equals("running"));
        assertThat(departmentOf(ann)).isEqualTo("Kitchen");
        return id;
    }

    /** Moves the clock on, ticks the sweeps, and waits until the service has worked what they queued. */
    private void sweep(Duration later) {
        clock.advance(later);
        ticker.tick();
        integrations.list().forEach(i -> eventually(() -> status(i.id()).path("queue").path("pending").asInt() == 0));
    }

    private tools.jackson.databind.JsonNode status(String id) {
        return api.get("/api/v1/integrations/" + id).json();
    }

    private User lbUser(int ziikId) {
        return learningbank.state().findUserByExternalId("ziik:" + ziikId).orElseThrow();
    }

    private String departmentOf(int ziikId) {
        return String.join(",", lbUser(ziikId).departmentIds().stream()
                .map(d -> learningbank.state().findDepartment(d).orElseThrow().name()).toList());
    }

    private String typesOf(int ziikId) {
        return String.join(",", lbUser(ziikId).permissionTypeIds().stream()
                .map(t -> learningbank.state().findPermissionType(t).orElseThrow().name()).toList());
    }

    private static void eventually(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
