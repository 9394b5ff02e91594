package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.jobs.LiveSync;
import io.ziiklb.jobs.PeriodicFullSyncs;
import io.ziiklb.jobs.PeriodicRolePolls;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.WriteJournal;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Rules L1-L6, the integration's life, through the service's HTTP API against both simulators, as
 * an operator meets it. Each test has simulators of its own; the service (and its database) is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + LifeRulesIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:liferules;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=" + AdminAuthIT.TEST_KEY,
        "ziiklb.health.pause-seconds=1",
})
class LifeRulesIT {
    static final String TOKEN = "operator-token-for-life-rules";
    /** Every table holding rows of one integration, with the column naming it. */
    private static final Map<String, String> TABLES = Map.of("integration", "id", "unit_link", "integration_id",
            "role_link", "integration_id", "user_link", "integration_id", "work_item", "integration_id",
            "department_intent", "integration_id", "sync_run", "integration_id", "activity", "integration_id",
            "problem", "integration_id");

    private ZiikSimulator ziik;
    private LearningbankSimulator learningbank;
    private ZiikOrganisation org;
    private AdminApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LiveSync live;
    @Autowired
    IntegrationStore integrations;
    @Autowired
    SyncRunStore runs;
    @Autowired
    SyncService syncs;

    @BeforeEach
    void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
        org = ziik.organisation();
        api = AdminApiClient.onPort(port, TOKEN);
    }

    /** Removes this test's integrations, so that each test meets only its own (the periodic sync looks at all). */
    @AfterEach
    void stop() {
        for (JsonNode integration : api.get("/api/v1/integrations").json().path("data")) {
            String id = integration.path("id").asString();
            assertThat(api.call("DELETE", "/api/v1/integrations/" + id, null).status()).isEqualTo(204);
        }
        ziik.close();
        learningbank.close();
    }

    // ---- L1

    @Test
    void L1_wrongZiikCredentialsAreRefusedNamingZiikAndWhy_nothingSaved() {
        int saved = rows("integration");
        AdminApiClient.Answer refused = api.post("/api/v1/integrations", body("wrong-password", LearningbankSimulator.Config.defaults().token(), Map.of()));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.json().path("error");
        assertThat(error.path("code").asString()).isEqualTo("credentials_rejected");
        assertThat(error.path("message").asString()).isEqualTo("Ziik refused the username or password");
        assertThat(error.path("fields").propertyNames()).containsExactly("ziik");
        assertThat(error.path("fields").path("ziik").path(0).asString()).isEqualTo("Ziik refused the username or password");
        assertThat(rows("integration")).as("nothing saved").isEqualTo(saved);
        assertThat(learningbank.requestLog().writes()).isZero();
        assertThat(ziik.requestLog().count("POST", "/api/webhooks")).as("no webhook registered").isZero();
    }

    @Test
    void L1_wrongLearningbankCredentialsAreRefusedNamingLearningbankAndWhy_nothingSaved() {
        int saved = rows("integration");
        AdminApiClient.Answer refused = api.post("/api/v1/integrations", body(ziik.config().adminPassword(), "wrong-token", Map.of()));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.json().path("error");
        assertThat(error.path("code").asString()).isEqualTo("credentials_rejected");
        assertThat(error.path("message").asString()).isEqualTo("Learningbank refused the API key (username, password or token)");
        assertThat(error.path("fields").propertyNames()).containsExactly("learningbank");
        assertThat(error.path("fields").path("learningbank").path(0).asString())
                .isEqualTo("Learningbank refused the API key (username, password or token)");
        assertThat(refused.body()).doesNotContain("wrong-token");
        assertThat(rows("integration")).as("nothing saved").isEqualTo(saved);
        assertThat(ziik.requestLog().count("POST", "/api/webhooks")).as("no webhook registered").isZero();
    }

    // ---- L2

    @Test
    void L2_aFullSyncAppliesTheDifference_andOnAnUnchangedOrganisationWritesNothing() {
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        int chef = org.createRole("Chef");
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen, chef)));
        String id = create(Map.of());

        JsonNode first = syncToEnd(id);
        assertThat(first.path("status").asString()).isEqualTo("done");
        assertThat(learningbank.state().findUserByExternalId("ziik:" + ann).orElseThrow().departmentIds())
                .containsExactly(learningbank.state().findDepartmentByName("Kitchen").orElseThrow().id());

        learningbank.requestLog().reset();
        JsonNode again = syncToEnd(id);

        assertThat(again.path("status").asString()).isEqualTo("done");
        assertThat(learningbank.requestLog().writes()).as("nothing written: %s", learningbank.requestLog().byRoute()).isZero();
        assertThat(learningbank.requestLog().count("GET", "/api/v1/users")).as("but everything read").isPositive();
        JsonNode counts = again.path("counts");
        assertThat(List.of(counts.path("created").asInt(), counts.path("updated").asInt(), counts.path("deactivated").asInt(),
                counts.path("deleted").asInt(), counts.path("failed").asInt())).containsOnly(0);
    }

    // ---- L3

    @Test
    void L3_changesArriveWithoutAFullSync_rolesArePolled_aPeriodicFullSyncRepairsWhatWasMissed() throws Exception {
        String id = create(Map.of("fullSyncIntervalMinutes", 60, "rolePollIntervalMinutes", 5));
        syncToEnd(id);
        String lastSync = status(id).path("lastSync").path("syncId").asString();
        MutableClock clock = new MutableClock(Instant.now());
        PeriodicRolePolls rolePolls = new PeriodicRolePolls(integrations, runs, live::pollRoles, clock, Duration.ofSeconds(5));
        PeriodicFullSyncs fullSyncs = new PeriodicFullSyncs(integrations, runs, syncs::start, clock, Duration.ofMinutes(1));
        assertThat(rolePolls.tick()).as("first seen: the first sync has just read the roles").isZero();
        assertThat(fullSyncs.tick()).as("not due yet").isZero();

        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(org.topUnitId())));
        eventually(() -> learningbank.state().findUserByExternalId("ziik:" + ann).isPresent());
        org.createRole("Host"); // roles have no webhooks: polled every rolePollIntervalMinutes
        clock.advance(Duration.ofMinutes(5));
        assertThat(rolePolls.tick()).isEqualTo(1);
        eventually(() -> learningbank.state().findPermissionTypeByName("Host").isPresent());
        assertThat(status(id).path("lastSync").path("syncId").asString()).as("no full sync ran").isEqualTo(lastSync);

        ziik.setDeliveries(DeliverySwitches.reliable().withDropRate(1.0)); // Ziik's webhook is lost
        int missed = org.createUser(NewUser.of("Mia", "Missed", "mia@example.com", Membership.of(org.topUnitId())));
        assertThat(ziik.awaitDeliveriesIdle(Duration.ofSeconds(5))).isTrue();
        eventually(() -> status(id).path("queue").path("pending").asInt() == 0);
        assertThat(learningbank.state().findUserByExternalId("ziik:" + missed)).isEmpty();

        clock.advance(Duration.ofMinutes(56));
        assertThat(fullSyncs.tick()).as("due after fullSyncIntervalMinutes").isEqualTo(1);
        eventually(() -> learningbank.state().findUserByExternalId("ziik:" + missed).isPresent());
        assertThat(status(id).path("lastSync").path("syncId").asString()).isNotEqualTo(lastSync);
    }

    // ---- L4

    @Test
    void L4_disabled_queuedWorkAndDeliveriesWriteNothing_deliveriesAreAnsweredAndCounted_reenablingReplaysNothing() throws Exception {
        List<Integer> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(org.createUser(NewUser.of("P" + i, "Q", "p" + i + "@example.com", Membership.of(org.topUnitId()))));
        }
        String id = create(Map.of());
        syncToEnd(id);
        eventually(() -> status(id).path("queue").path("pending").asInt() == 0);

        ziik.setFaults(Faults.none().withErrorRate(1.0)); // the changed users cannot be read: their work waits in the queue
        for (int person : people) {
            org.updateUser(person, UserUpdate.none().withEmail("new." + person + "@example.com"));
        }
        eventually(() -> status(id).path("queue").path("pending").asInt() == people.size());
        learningbank.requestLog().reset();
        learningbank.journal().reset();

        AdminApiClient.Answer disabled = api.post("/api/v1/integrations/" + id + "/disable", null);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("state").asString()).isEqualTo("disabled");
        ziik.setFaults(Faults.none());
        assertThat(ziik.awaitDeliveriesIdle(Duration.ofSeconds(10))).isTrue();
        ziik.clearDeliveryLog();

        double droppedBefore = droppedWhileDisabled();
        int late = org.createUser(NewUser.of("Lea", "Late", "lea@example.com", Membership.of(org.topUnitId())));
        assertThat(ziik.awaitDeliveriesIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ziik.deliveryLog()).as("answered 2xx").singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo("user.create");
            assertThat(d.uri()).contains("/hooks/ziik/" + id + "/");
            assertThat(d.status()).isEqualTo(202);
        });
        assertThat(droppedWhileDisabled() - droppedBefore).as("the user.create delivery, dropped and counted").isEqualTo(1.0);
        eventually(() -> status(id).path("queue").path("pending").asInt() == 0); // the queued work came due, and was dropped

        assertThat(learningbank.requestLog().writes()).as("nothing written since disabling: %s", learningbank.journal().calls()).isZero();
        for (int person : people) {
            assertThat(learningbank.state().findUserByExternalId("ziik:" + person).orElseThrow().email()).isEqualTo("p" + people.indexOf(person) + "@example.com");
        }
        assertThat(learningbank.state().findUserByExternalId("ziik:" + late)).isEmpty();

        JsonNode enabled = api.post("/api/v1/integrations/" + id + "/enable", null).json();
        assertThat(enabled.path("notice").asString()).contains("Initiate a synchronisation");
        int first = people.getFirst();
        org.updateUser(first, UserUpdate.none().withName("Pia", "Q")); // a change after re-enabling arrives...
        eventually(() -> learningbank.state().findUserByExternalId("ziik:" + first).orElseThrow().firstName().equals("Pia"));
        eventually(() -> status(id).path("queue").path("pending").asInt() == 0);
        String piaInLb = learningbank.state().findUserByExternalId("ziik:" + first).orElseThrow().id();
        assertThat(learningbank.journal().calls()).as("...alone: nothing missed while disabled is replayed").containsExactly(
                new WriteJournal.Call("PATCH", "/api/v1/users/{id}", "/api/v1/users/" + piaInLb,
                        "{\"email\":\"new." + first + "@example.com\",\"first_name\":\"Pia\",\"last_name\":\"Q\"}", 200));
        for (int person : people.subList(1, people.size())) {
            assertThat(learningbank.state().findUserByExternalId("ziik:" + person).orElseThrow().email())
                    .isEqualTo("p" + people.indexOf(person) + "@example.com");
        }
    }

    @Test
    void L4_aLiveItemUnderWayWhenDisabled_writesNothingMore() {
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(org.topUnitId())));
        String id = create(Map.of());
        syncToEnd(id);
        eventually(() -> status(id).path("queue").path("pending").asInt() == 0);
        ziik.setFaults(Faults.none().withLatency(1500)); // Ziik answers slowly: the item is still reading when it is disabled
        learningbank.journal().reset();

        org.updateUser(ann, UserUpdate.none().withEmail("ann.berg@example.com"));
        eventually(() -> jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE integration_id = ? AND kind = 'user'"
                + " AND state = 'leased'", Integer.class, id) == 1);
        assertThat(api.post("/api/v1/integrations/" + id + "/disable", null).status()).isEqualTo(200);
        eventually(() -> rows("work_item", id) == 0); // it read Ziik to the end, then ended without writing

        assertThat(learningbank.journal().calls()).as("nothing written after disabling").isEmpty();
        assertThat(learningbank.state().findUserByExternalId("ziik:" + ann).orElseThrow().email()).isEqualTo("ann@example.com");
        assertThat(status(id).path("state").asString()).isEqualTo("disabled");
    }

    @Test
    void L4_aFullSynchronisationUnderWayWhenDisabled_stopsWriting_andTheIntegrationIsNotFailing() {
        io.ziiklb.simulator.ziik.OrganisationGenerator.populate(org, 200, 7);
        learningbank.setFaults(Faults.none().withLatency(40)); // the sync takes seconds
        String id = create(Map.of());
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        eventually(() -> api.get("/api/v1/integrations/" + id + "/syncs/" + syncId).json().path("phase").asString()
                .equals("applying") && learningbank.journal().calls().size() > 5);

        assertThat(api.post("/api/v1/integrations/" + id + "/disable", null).status()).isEqualTo(200);
        JsonNode run = awaitSync(id, syncId);
        int writtenByThen = learningbank.journal().calls().size();

        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("message").asString()).startsWith("stopped: the integration was disabled while it ran");
        assertThat(writtenByThen).as("the rest was not written").isLessThan(200);
        learningbank.setFaults(Faults.none());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> learningbank.journal().calls().size() == writtenByThen);
        JsonNode enabled = api.post("/api/v1/integrations/" + id + "/enable", null).json();
        assertThat(enabled.path("state").asString()).as("disabling is not a failure").isNotEqualTo("failing");
    }

    // ---- L5

    @Test
    void L5_removalDeletesItsWebhooksInZiikAndItsRowsHere_andChangesNothingInLearningbank() throws Exception {
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        int chef = org.createRole("Chef");
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen, chef)));
        String id = create(Map.of());
        syncToEnd(id);
        assertThat(ziikWebhooks().size()).isEqualTo(6);

        learningbank.setFaults(Faults.none().withErrorRate(1.0)); // a change waits in the queue
        org.updateUser(ann, UserUpdate.none().withEmail("ann.berg@example.com"));
        eventually(() -> status(id).path("queue").path("pending").asInt() == 1);
        for (String table : List.of("integration", "unit_link", "role_link", "user_link", "work_item", "sync_run")) {
            assertThat(rows(table, id)).as("before removal, %s has rows of the integration", table).isPositive();
        }
        var before = learningbank.state().snapshot();
        learningbank.journal().reset();

        assertThat(api.call("DELETE", "/api/v1/integrations/" + id, null).status()).isEqualTo(204);

        assertThat(ziikWebhooks().size()).as("its webhooks are deleted in Ziik").isZero();
        for (String table : TABLES.keySet()) {
            assertThat(rows(table, id)).as("after removal, %s has no row of the integration", table).isZero();
        }
        assertThat(api.get("/api/v1/integrations/" + id).status()).isEqualTo(404);
        learningbank.setFaults(Faults.none());
        assertThat(learningbank.journal().calls()).as("nothing reached Learningbank").isEmpty();
        assertThat(learningbank.state().snapshot()).isEqualTo(before);
        assertThat(learningbank.state().findUserByExternalId("ziik:" + ann).orElseThrow().email()).isEqualTo("ann@example.com");
    }

    @Test
    void L5_removalDuringASyncStopsItFirst_thenNothingMoreReachesLearningbank() {
        io.ziiklb.simulator.ziik.OrganisationGenerator.populate(org, 400, 7);
        learningbank.setFaults(Faults.none().withLatency(40)); // the sync takes tens of seconds
        String id = create(Map.of());
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        eventually(() -> api.get("/api/v1/integrations/" + id + "/syncs/" + syncId).json().path("phase").asString()
                .equals("applying") && learningbank.journal().calls().size() > 5);

        long started = System.nanoTime();
        assertThat(api.call("DELETE", "/api/v1/integrations/" + id, null).status()).isEqualTo(204);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped, not waited out").isLessThan(Duration.ofSeconds(20));
        assertThat(api.get("/api/v1/integrations/" + id).status()).isEqualTo(404);
        for (String table : TABLES.keySet()) {
            assertThat(rows(table, id)).as("after removal, %s has no row of the integration", table).isZero();
        }
        int writesAtRemoval = learningbank.journal().calls().size();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(
                () -> learningbank.journal().calls().size() == writesAtRemoval);
    }

    // ---- L6

    @Test
    void L6_aHeldFullSyncStillAppliesTheRestOfItsPlan_andCountsDepartmentDeletions() {
        ziik.setDeliveries(DeliverySwitches.reliable().withDropRate(1.0)); // only full syncs: no live deletion one by one
        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            units.add(org.createUnit("Unit " + i, org.topUnitId()));
        }
        int bob = org.createUser(NewUser.of("Bob", "Berg", "bob@example.com", Membership.of(units.get(8))));
        int cid = org.createUser(NewUser.of("Cid", "Berg", "cid@example.com", Membership.of(units.get(8))));
        String id = create(Map.of("deletionGuardPercent", 20, "deletionGuardMinimum", 3));
        syncToEnd(id);
        List<String> doomed = units.subList(0, 4).stream()
                .map(u -> learningbank.state().findDepartmentByName("Unit " + units.indexOf(u)).orElseThrow().id()).toList();

        units.subList(0, 4).forEach(org::deleteUnit); // 4 of 10 linked departments: more than 20%, at least 3
        org.renameUnit(units.get(8), "Bar");
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(units.get(8))));
        org.updateUser(bob, UserUpdate.none().withName("Robert", "Berg"));
        org.deactivateUser(cid); // one deactivation: under the guard's minimum of 3 by itself
        JsonNode held = syncToEnd(id);

        assertThat(held.path("status").asString()).isEqualTo("held");
        assertThat(held.path("held").asInt()).as("the four department deletions trip it; the deactivation is held too")
                .isEqualTo(5);
        assertThat(learningbank.state().findUserByExternalId("ziik:" + cid).orElseThrow().isActive()).isTrue();
        assertThat(status(id).path("state").asString()).isEqualTo("held");
        assertThat(doomed).allSatisfy(d -> assertThat(learningbank.state().findDepartment(d)).isPresent());
        assertThat(learningbank.state().findDepartmentByName("Bar")).as("the rename applied").isPresent();
        assertThat(learningbank.state().findUserByExternalId("ziik:" + ann)).as("the create applied").isPresent();
        assertThat(learningbank.state().findUserByExternalId("ziik:" + bob).orElseThrow().firstName()).as("the update applied")
                .isEqualTo("Robert");
        assertThat(learningbank.requestLog().count("DELETE", "/api/v1/departments/{id}")).isZero();

        AdminApiClient.Answer confirmed = api.post("/api/v1/integrations/" + id + "/syncs/" + held.path("syncId").asString() + "/confirm", null);
        assertThat(confirmed.status()).isEqualTo(202);
        assertThat(awaitSync(id, confirmed.json().path("syncId").asString()).path("status").asString()).isEqualTo("done");
        assertThat(doomed).allSatisfy(d -> assertThat(learningbank.state().findDepartment(d)).isEmpty());
        assertThat(learningbank.requestLog().count("DELETE", "/api/v1/departments/{id}")).isEqualTo(4);
        assertThat(learningbank.state().findUserByExternalId("ziik:" + cid).orElseThrow().isActive()).isFalse();
    }

    // ---- helpers

    private Map<String, Object> body(String ziikPassword, String learningbankToken, Map<String, Object> settings) {
        LearningbankSimulator.Config l = LearningbankSimulator.Config.defaults();
        return Map.of(
                "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", ziik.config().adminEmail(), "password", ziikPassword,
                        "sharedSecret", ziik.config().sharedSecret()),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", l.username(),
                        "password", l.password(), "token", learningbankToken),
                "settings", settings);
    }

    private String create(Map<String, Object> settings) {
        AdminApiClient.Answer created = api.post("/api/v1/integrations",
                body(ziik.config().adminPassword(), LearningbankSimulator.Config.defaults().token(), settings));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private JsonNode status(String id) {
        return api.get("/api/v1/integrations/" + id).json();
    }

    private JsonNode syncToEnd(String id) {
        AdminApiClient.Answer started = api.post("/api/v1/integrations/" + id + "/syncs", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return awaitSync(id, started.json().path("syncId").asString());
    }

    private JsonNode awaitSync(String id, String syncId) {
        String path = "/api/v1/integrations/" + id + "/syncs/" + syncId;
        eventually(() -> !api.get(path).json().path("status").asString().equals("running"));
        return api.get(path).json();
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    private int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private int rows(String table, String integrationId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + TABLES.get(table) + " = ?", Integer.class, integrationId);
    }

    private double droppedWhileDisabled() {
        Matcher m = Pattern.compile("(?m)^ziiklb_webhook_deliveries_total\\{outcome=\"dropped_disabled\"} (\\S+)$")
                .matcher(api.get("/actuator/prometheus").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private JsonNode ziikWebhooks() throws Exception {
        String jwt = AdminApiClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(ziik.baseUrl() + "/authenticate"))
                .POST(HttpRequest.BodyPublishers.ofString(AdminApiClient.JSON.writeValueAsString(Map.of(
                        "username", ziik.config().adminEmail(), "password", ziik.config().adminPassword()))))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body())
                .path(0).path("jwt").asString();
        return AdminApiClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(ziik.baseUrl() + "/webhooks"))
                .header("Authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString()).body()).path("data");
    }
}
