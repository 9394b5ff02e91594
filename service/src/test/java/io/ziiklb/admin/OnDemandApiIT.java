package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * "Synchronise one user" (and one unit) through the API, against both simulators: Ziik's webhooks
 * are dropped after the first synchronisation, so only the on-demand reconcile brings each change
 * to Learningbank, and what Learningbank holds afterwards is checked, not only the answer's words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + OnDemandApiIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:ondemandapi;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=" + AdminAuthIT.TEST_KEY,
})
class OnDemandApiIT {
    static final String TOKEN = "operator-token-for-on-demand-tests";
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static String id;

    @LocalServerPort
    int port;
    AdminApiClient api;

    @BeforeAll
    static void startSimulators() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 30, 21);
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
    }

    @AfterAll
    static void stopSimulators() {
        ziik.close();
        learningbank.close();
    }

    /** One integration for the class, synchronised once; then Ziik's deliveries are dropped. */
    @BeforeEach
    void integration() {
        api = AdminApiClient.onPort(port, TOKEN);
        if (id == null) {
            id = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of())).ok().path("id").asString();
            String syncId = api.post(path("/syncs"), null).ok().path("syncId").asString();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !api.get(path("/syncs/" + syncId)).json().path("status").asString().equals("running"));
            assertThat(api.get(path("/syncs/" + syncId)).json().path("status").asString()).isEqualTo("done");
            ziik.setDeliveries(DeliverySwitches.reliable().withDropRate(1.0));
        }
    }

    @Test
    void aNewUserIsCreated_thenUpdated_thenNothingToChange_thenDeactivated() {
        int unit = ziik.organisation().createUnit("On demand " + System.nanoTime() % 100000, ziik.organisation().topUnitId());
        int nina = ziik.organisation().createUser(NewUser.of("Nina", "New", "nina@example.com", Membership.of(unit)));
        assertThat(learningbank.state().findUserByExternalId("ziik:" + nina)).as("no delivery arrived").isEmpty();

        JsonNode created = syncUser(nina).ok();
        assertThat(outcomes(created)).containsExactly("read from Ziik=found", "match=new", "apply=created");
        assertThat(created.path("action").asString()).isEqualTo("create");
        User inLb = learningbank.state().findUserByExternalId("ziik:" + nina).orElseThrow();
        assertThat(created.path("learningbankId").asString()).isEqualTo(inLb.id());
        assertThat(inLb.email()).isEqualTo("nina@example.com");
        // the user's unit was not linked yet: the tree was reconciled first, and she is placed in its department
        String department = learningbank.state().departments().stream().filter(d -> d.name().startsWith("On demand"))
                .filter(d -> inLb.departmentIds().contains(d.id())).findFirst().orElseThrow().id();
        assertThat(inLb.departmentIds()).containsExactly(department);
        assertThat(message(created, "read from Ziik")).contains("Nina New <nina@example.com>");

        ziik.organisation().updateUser(nina, UserUpdate.none().withName("Nina", "Renamed"));
        JsonNode updated = syncUser(nina).ok();
        assertThat(outcomes(updated)).containsExactly("read from Ziik=found", "match=linked", "apply=updated");
        assertThat(message(updated, "match")).contains(inLb.id());
        assertThat(message(updated, "apply")).contains("name");
        assertThat(learningbank.state().findUser(inLb.id()).orElseThrow().lastName()).isEqualTo("Renamed");

        learningbank.requestLog().reset();
        JsonNode same = syncUser(nina).ok();
        assertThat(outcomes(same)).containsExactly("read from Ziik=found", "match=linked", "apply=unchanged");
        assertThat(same.path("action").asString()).isEqualTo("none");
        assertThat(learningbank.requestLog().writes()).as("nothing written").isZero();

        ziik.organisation().deactivateUser(nina);
        JsonNode deactivated = syncUser(nina).ok();
        assertThat(outcomes(deactivated)).containsExactly("read from Ziik=found", "match=linked", "apply=deactivated");
        assertThat(deactivated.path("action").asString()).isEqualTo("deactivate");
        assertThat(learningbank.state().findUser(inLb.id()).orElseThrow().isActive()).isFalse();

        // the activity log records it like live work: the steps that ran, and the request that changed nothing
        JsonNode activity = api.get(path("/activity?limit=50")).ok().path("data");
        assertThat(activity.valueStream().filter(e -> e.path("ziikId").asLong() == nina).map(e -> e.path("outcome").asString()).toList())
                .contains("created", "updated", "unchanged", "deactivated");
        assertThat(activity.valueStream().filter(e -> e.path("ziikId").asLong() == nina)
                .filter(e -> e.path("outcome").asString().equals("unchanged")).findFirst().orElseThrow()
                .path("message").asString()).contains("on demand");
    }

    @Test
    void aDeletedUserIsDeactivated_andAnExistingLearningbankUserIsMatchedByEmail() {
        int top = ziik.organisation().topUnitId();
        int omar = ziik.organisation().createUser(NewUser.of("Omar", "Old", "omar@example.com", Membership.of(top)));
        String seeded = learningbank.state().seedUser(io.ziiklb.simulator.learningbank.NewUser.of(null, "omar@example.com",
                "Omar", "Old", List.of(learningbank.state().topDepartmentId())));
        JsonNode matched = syncUser(omar).ok();
        assertThat(outcomes(matched)).containsExactly("read from Ziik=found", "match=matched by email", "apply=updated");
        assertThat(matched.path("learningbankId").asString()).isEqualTo(seeded);
        assertThat(learningbank.state().findUser(seeded).orElseThrow().externalId()).isEqualTo("ziik:" + omar);

        ziik.organisation().deleteUser(omar);
        JsonNode gone = syncUser(omar).ok();
        assertThat(outcomes(gone)).containsExactly("read from Ziik=gone", "match=linked", "apply=deactivated");
        assertThat(learningbank.state().findUser(seeded).orElseThrow().isActive()).isFalse();
    }

    @Test
    void aLearningbankUserWithTheExternalIdIsMatchedByIt_andGetsZiiksEmail() {
        int top = ziik.organisation().topUnitId();
        int quinn = ziik.organisation().createUser(NewUser.of("Quinn", "Known", "quinn@example.com", Membership.of(top)));
        String seeded = learningbank.state().seedUser(io.ziiklb.simulator.learningbank.NewUser.of("ziik:" + quinn,
                "quinn.before@example.com", "Quinn", "Known", List.of(learningbank.state().topDepartmentId())));
        JsonNode matched = syncUser(quinn).ok();
        assertThat(outcomes(matched)).containsExactly("read from Ziik=found", "match=matched by external id", "apply=updated");
        assertThat(message(matched, "match")).contains(seeded).contains("ziik:" + quinn);
        assertThat(message(matched, "apply")).contains("email");
        assertThat(learningbank.state().findUser(seeded).orElseThrow().email()).isEqualTo("quinn@example.com");
    }

    @Test
    void anExcludedEmailIsNeitherCreatedNorChanged() {
        int top = ziik.organisation().topUnitId();
        int pia = ziik.organisation().createUser(NewUser.of("Pia", "Private", "pia@example.com", Membership.of(top)));
        assertThat(api.call("PATCH", path(""), Map.of("settings", Map.of("excludedEmails", List.of("PIA@example.com")))).status())
                .isEqualTo(200);
        try {
            learningbank.requestLog().reset();
            JsonNode excluded = syncUser(pia).ok();
            assertThat(outcomes(excluded)).containsExactly("read from Ziik=excluded", "match=skipped", "apply=skipped");
            assertThat(message(excluded, "read from Ziik")).contains("excluded");
            assertThat(learningbank.requestLog().writes()).isZero();
            assertThat(learningbank.state().findUserByEmail("pia@example.com")).isEmpty();
        } finally {
            api.call("PATCH", path(""), Map.of("settings", Map.of("excludedEmails", List.of())));
        }
    }

    @Test
    void learningbankRefusals_areA200WithAFailedStepAndTheReason() {
        int top = ziik.organisation().topUnitId();
        int bob = ziik.organisation().createUser(NewUser.of("Bob", "Local", "bob@localhost", Membership.of(top))); // Ziik takes it; Learningbank answers 422
        JsonNode refused = syncUser(bob).ok();
        assertThat(outcomes(refused)).containsExactly("read from Ziik=found", "match=new", "apply=failed");
        assertThat(message(refused, "apply")).contains("email");
        assertThat(learningbank.state().findUserByEmail("bob@localhost")).isEmpty();

        // 409: Ziik gives Dan the email Cai had, while Learningbank's Cai still has it
        int cai = ziik.organisation().createUser(NewUser.of("Cai", "First", "cai@example.com", Membership.of(top)));
        int dan = ziik.organisation().createUser(NewUser.of("Dan", "Second", "dan@example.com", Membership.of(top)));
        syncUser(cai).ok();
        syncUser(dan).ok();
        ziik.organisation().updateUser(cai, UserUpdate.none().withEmail("cai.new@example.com"));
        ziik.organisation().updateUser(dan, UserUpdate.none().withEmail("cai@example.com"));
        JsonNode conflict = syncUser(dan).ok();
        assertThat(outcomes(conflict)).containsExactly("read from Ziik=found", "match=linked", "apply=failed");
        assertThat(message(conflict, "apply")).containsIgnoringCase("email");
        assertThat(learningbank.state().findUserByExternalId("ziik:" + dan).orElseThrow().email()).isEqualTo("dan@example.com");
    }

    @Test
    void unknownUsersIntegrationsAndDisabledIntegrations_areRefused() {
        AdminApiClient.Answer unknown = syncUser(987_654);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("code").asString()).isEqualTo("not_found");
        assertThat(unknown.json().path("error").has("message")).isTrue();
        assertThat(unknown.json().path("error").has("fields")).isTrue();
        assertThat(api.post("/api/v1/integrations/no-such-integration/users/1/sync", null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/integrations/no-such-integration/units/1/sync", null).status()).isEqualTo(404);
        assertThat(api.post(path("/units/987654/sync"), null).status()).isEqualTo(404);
        assertThat(api.post(path("/users/not-a-number/sync"), null).status()).isEqualTo(400);

        int top = ziik.organisation().topUnitId();
        int eve = ziik.organisation().createUser(NewUser.of("Eve", "Paused", "eve@example.com", Membership.of(top)));
        assertThat(api.post(path("/disable"), null).status()).isEqualTo(200);
        try {
            learningbank.requestLog().reset();
            AdminApiClient.Answer disabled = syncUser(eve);
            assertThat(disabled.status()).isEqualTo(409);
            assertThat(disabled.json().path("error").path("code").asString()).isEqualTo("disabled");
            assertThat(api.post(path("/units/" + top + "/sync"), null).status()).isEqualTo(409);
            assertThat(learningbank.requestLog().writes()).as("rule L4: nothing written").isZero();
            assertThat(learningbank.state().findUserByEmail("eve@example.com")).isEmpty();
        } finally {
            api.post(path("/enable"), null);
        }
    }

    @Test
    void oneUnit_created_renamed_moved_unchanged() {
        int top = ziik.organisation().topUnitId();
        int harbour = ziik.organisation().createUnit("Harbour " + System.nanoTime() % 100000, top);
        JsonNode created = api.post(path("/units/" + harbour + "/sync"), null).ok();
        assertThat(outcomes(created)).containsExactly("read from Ziik=found", "match=new", "apply=created");
        String department = created.path("learningbankId").asString();
        assertThat(learningbank.state().findDepartment(department)).isPresent();

        ziik.organisation().renameUnit(harbour, "Harbour renamed " + harbour);
        JsonNode renamed = api.post(path("/units/" + harbour + "/sync"), null).ok();
        assertThat(outcomes(renamed)).containsExactly("read from Ziik=found", "match=linked", "apply=updated");
        assertThat(message(renamed, "apply")).contains("rename");
        assertThat(learningbank.state().findDepartment(department).orElseThrow().name()).isEqualTo("Harbour renamed " + harbour);

        int quay = ziik.organisation().createUnit("Quay " + harbour, top);
        ziik.organisation().moveUnit(harbour, quay);
        JsonNode moved = api.post(path("/units/" + harbour + "/sync"), null).ok();
        assertThat(outcomes(moved)).containsExactly("read from Ziik=found", "match=linked", "apply=updated");
        assertThat(message(moved, "apply")).contains("move").contains("\"Quay " + harbour + "\"");
        assertThat(message(moved, "read from Ziik")).contains("under \"Quay " + harbour + "\"");
        String quayDepartment = learningbank.state().findDepartmentByName("Quay " + harbour).orElseThrow().id();
        assertThat(learningbank.state().findDepartment(department).orElseThrow().parentId()).isEqualTo(quayDepartment);

        JsonNode same = api.post(path("/units/" + harbour + "/sync"), null).ok();
        assertThat(outcomes(same)).containsExactly("read from Ziik=found", "match=linked", "apply=unchanged");
        assertThat(same.path("action").asString()).isEqualTo("none");
    }

    private AdminApiClient.Answer syncUser(long ziikUserId) {
        return api.post(path("/users/" + ziikUserId + "/sync"), null);
    }

    private static String path(String rest) {
        return "/api/v1/integrations/" + id + rest;
    }

    private static List<String> outcomes(JsonNode answer) {
        return answer.path("steps").valueStream().map(s -> s.path("step").asString() + "=" + s.path("outcome").asString()).toList();
    }

    private static String message(JsonNode answer, String step) {
        return answer.path("steps").valueStream().filter(s -> s.path("step").asString().equals(step)).findFirst()
                .orElseThrow().path("message").asString();
    }
}
