package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.testkit.AdminApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The admin API, end to end against both simulators. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + IntegrationApiIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:integrationapi;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=" + AdminAuthIT.TEST_KEY,
})
class IntegrationApiIT {
    static final String TOKEN = "operator-token-for-api-tests";
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;

    @LocalServerPort
    int port;
    AdminApiClient api;

    @BeforeAll
    static void startSimulators() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 120, 11);
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
        learningbank.state().seedJobProfile("Chef", false);
    }

    @AfterAll
    static void stopSimulators() {
        ziik.close();
        learningbank.close();
    }

    @BeforeEach
    void client() {
        api = AdminApiClient.onPort(port, TOKEN);
    }

    static Map<String, Object> body(String ziikPassword, String learningbankToken, Map<String, Object> settings) {
        ZiikSimulator.Config z = ziik.config();
        LearningbankSimulator.Config l = LearningbankSimulator.Config.defaults();
        return Map.of(
                "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", z.adminEmail(), "password", ziikPassword,
                        "sharedSecret", z.sharedSecret()),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", l.username(),
                        "password", l.password(), "token", learningbankToken),
                "settings", settings);
    }

    static Map<String, Object> validBody(Map<String, Object> settings) {
        return body(ziik.config().adminPassword(), LearningbankSimulator.Config.defaults().token(), settings);
    }

    @Test
    void refusedCredentialsNameTheSystemThatRefused() {
        int integrations = api.get("/api/v1/integrations").json().path("data").size();
        AdminApiClient.Answer wrongZiik = api.post("/api/v1/integrations", body("nope", LearningbankSimulator.Config.defaults().token(), Map.of()));
        assertThat(wrongZiik.status()).isEqualTo(422);
        assertThat(wrongZiik.json().path("error").path("fields").has("ziik")).isTrue();

        AdminApiClient.Answer wrongLb = api.post("/api/v1/integrations", body(ziik.config().adminPassword(), "nope", Map.of()));
        assertThat(wrongLb.status()).isEqualTo(422);
        assertThat(wrongLb.json().path("error").path("fields").has("learningbank")).isTrue();
        assertThat(wrongLb.body()).doesNotContain("nope").doesNotContain(ziik.config().adminPassword());

        AdminApiClient.Answer invalid = api.post("/api/v1/integrations", Map.of("ziik", Map.of("baseUrl", "ftp://x")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("error").path("fields").has("ziik.baseUrl")).isTrue();
        assertThat(invalid.json().path("error").path("fields").has("learningbank")).isTrue();

        assertThat(api.post("/api/v1/integrations", "{not json").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/integrations").json().path("data").size()).as("nothing saved").isEqualTo(integrations);
    }

    @Test
    void lifeOfAnIntegration() {
        // create: nothing synchronised yet, no secret ever shown
        AdminApiClient.Answer created = api.post("/api/v1/integrations", validBody(Map.of("deletionGuardMinimum", 5)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertNoSecrets(created.body());
        assertThat(created.json().path("state").asString()).isEqualTo("idle");
        assertThat(created.json().path("settings").path("deletionGuardMinimum").asInt()).isEqualTo(5);
        assertThat(created.json().path("settings").path("syncJobProfiles").asBoolean()).isTrue();
        assertThat(learningbank.state().users()).isEmpty();

        // preview: the plan, nothing applied
        JsonNode preview = api.post("/api/v1/integrations/" + id + "/preview", null).json();
        Map<String, Integer> expectedPlan = firstPlanImpliedByTheOrganisation();
        assertThat(operationsByKind(preview)).isEqualTo(expectedPlan);
        assertThat(preview.path("operations").path(0).has("summary")).isTrue();
        assertThat(learningbank.state().users()).isEmpty();

        // the first synchronisation
        JsonNode first = syncToEnd(id);
        assertThat(first.path("status").asString()).isEqualTo("done");
        int creates = expectedPlan.entrySet().stream().filter(e -> e.getKey().startsWith("create/"))
                .mapToInt(Map.Entry::getValue).sum();
        assertThat(first.path("counts").path("created").asInt()).isEqualTo(creates);
        assertThat(first.path("counts").path("updated").asInt()).isZero();
        assertThat(first.path("counts").path("deactivated").asInt()).isZero();
        assertThat(first.path("counts").path("failed").asInt()).isZero();
        int users = learningbank.state().users().size();
        assertThat(users).isEqualTo(ziik.organisation().summary().activeUsers() + ziik.organisation().summary().inactiveUsers());

        JsonNode status = api.get("/api/v1/integrations/" + id).json();
        assertNoSecrets(status.toString());
        assertThat(status.path("links").path("users").asInt()).isEqualTo(users);
        assertThat(status.path("lastSync").path("status").asString()).isEqualTo("done");
        assertThat(status.path("queue").path("pending").asInt()).isZero();
        assertThat(status.path("queue").path("deadLetters").asInt()).isZero();
        assertThat(api.post("/api/v1/integrations/" + id + "/queue/retry", null).json().path("retried").asInt()).isZero();

        // activity, newest first, paged
        // two pages of 5 are exactly the first 10 entries, newest (highest id) first
        List<Long> ten = ids(api.get("/api/v1/integrations/" + id + "/activity?limit=10").json().path("data"));
        assertThat(ten).hasSize(10).isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
        List<Long> page = ids(api.get("/api/v1/integrations/" + id + "/activity?limit=5").json().path("data"));
        assertThat(page).isEqualTo(ten.subList(0, 5));
        long oldestShown = page.get(4);
        List<Long> next = ids(api.get("/api/v1/integrations/" + id + "/activity?limit=5&before=" + oldestShown).json().path("data"));
        assertThat(next).isEqualTo(ten.subList(5, 10));
        assertThat(api.get("/api/v1/integrations/" + id + "/activity?limit=0").status()).isEqualTo(400);

        // unchanged: nothing written
        learningbank.requestLog().reset();
        JsonNode again = syncToEnd(id);
        assertThat(again.path("counts").path("created").asInt() + again.path("counts").path("updated").asInt()).isZero();
        assertThat(learningbank.requestLog().writes()).isZero();

        // settings change: unique units renames every department
        assertThat(api.call("PATCH", "/api/v1/integrations/" + id, Map.of("settings", Map.of("uniqueUnits", true))).status()).isEqualTo(200);
        syncToEnd(id);
        assertThat(learningbank.state().departments()).filteredOn(d -> !d.isTop()).allMatch(d -> d.name().matches(".* \\(\\d+\\)"));

        // the deletion guard holds a mass deactivation by a full sync until confirmed (deliveries are
        // dropped here, as if Ziik had sent none: delivered ones are applied one user at a time)
        ziik.setDeliveries(DeliverySwitches.reliable().withDropRate(1.0));
        List<Integer> people = learningbank.state().users().stream().filter(User::isActive)
                .map(u -> Integer.parseInt(u.externalId().substring("ziik:".length())))
                .filter(u -> u != ziik.organisation().adminUserId()).limit(40).toList();
        people.forEach(ziik.organisation()::deactivateUser);
        JsonNode held = syncToEnd(id);
        assertThat(held.path("status").asString()).isEqualTo("held");
        assertThat(held.path("held").asInt()).as("every one of the deactivations").isEqualTo(people.size());
        assertThat(api.get("/api/v1/integrations/" + id).json().path("state").asString()).isEqualTo("held");
        assertThat(activeInLearningbank(people)).isEqualTo(people.size());
        AdminApiClient.Answer confirmed = api.post("/api/v1/integrations/" + id + "/syncs/" + held.path("syncId").asString() + "/confirm", null);
        assertThat(confirmed.status()).isEqualTo(202);
        JsonNode applied = awaitSync(id, confirmed.json().path("syncId").asString());
        assertThat(applied.path("status").asString()).isEqualTo("done");
        assertThat(activeInLearningbank(people)).isZero();

        // cancelling held deletions drops them: nothing deactivated, the integration idle again
        List<Integer> more = learningbank.state().users().stream().filter(User::isActive)
                .map(u -> Integer.parseInt(u.externalId().substring("ziik:".length())))
                .filter(u -> u != ziik.organisation().adminUserId()).limit(30).toList();
        more.forEach(ziik.organisation()::deactivateUser);
        JsonNode heldAgain = syncToEnd(id);
        assertThat(heldAgain.path("status").asString()).isEqualTo("held");
        JsonNode cancelled = api.post("/api/v1/integrations/" + id + "/syncs/" + heldAgain.path("syncId").asString() + "/cancel", null).json();
        assertThat(cancelled.path("status").asString()).isEqualTo("done");
        assertThat(api.get("/api/v1/integrations/" + id).json().path("state").asString()).isEqualTo("idle");
        assertThat(activeInLearningbank(more)).isEqualTo(more.size());
        assertThat(api.post("/api/v1/integrations/" + id + "/syncs/" + heldAgain.path("syncId").asString() + "/confirm", null).status())
                .as("nothing held any more").isEqualTo(409);

        // new credentials are checked live before they replace the old ones
        AdminApiClient.Answer badKey = api.call("PATCH", "/api/v1/integrations/" + id, Map.of("learningbank", Map.of("token", "revoked")));
        assertThat(badKey.status()).isEqualTo(422);
        assertThat(badKey.json().path("error").path("fields").has("learningbank")).isTrue();
        AdminApiClient.Answer sameKey = api.call("PATCH", "/api/v1/integrations/" + id,
                Map.of("learningbank", Map.of("token", LearningbankSimulator.Config.defaults().token())));
        assertThat(sameKey.status()).isEqualTo(200);
        assertNoSecrets(sameKey.body());
        assertThat(api.post("/api/v1/integrations/" + id + "/preview", null).status()).as("the stored key still works").isEqualTo(200);

        ziik.setDeliveries(DeliverySwitches.reliable());

        // disabled: no synchronisation can start
        assertThat(api.post("/api/v1/integrations/" + id + "/disable", null).json().path("state").asString()).isEqualTo("disabled");
        assertThat(api.post("/api/v1/integrations/" + id + "/syncs", null).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/integrations/" + id + "/enable", null).json().path("enabled").asBoolean()).isTrue();

        // operations: calls to each peer by outcome, sync durations and steps
        String metrics = api.get("/actuator/prometheus").body();
        assertThat(metrics).contains("ziiklb_peer_calls_seconds_count{method=\"POST\",outcome=\"2xx\",peer=\"learningbank\"}")
                .contains("ziiklb_peer_calls_seconds_count{method=\"GET\",outcome=\"2xx\",peer=\"ziik\"}")
                .contains("ziiklb_sync_duration_seconds_count{status=\"held\"}")
                .contains("ziiklb_sync_steps_total{kind=\"user\",outcome=\"created\"}");

        // removal: gone here, Learningbank untouched
        long writesBefore = learningbank.requestLog().writes();
        assertThat(api.call("DELETE", "/api/v1/integrations/" + id, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/integrations/" + id).status()).isEqualTo(404);
        assertThat(learningbank.requestLog().writes()).isEqualTo(writesBefore);
        assertThat(learningbank.state().users()).hasSize(users);
    }

    /**
     * {@code GET /integrations/{id}} of a new integration: every member the API shows, in its order,
     * with its exact value (the queue's pending work is left out: role polls may queue some).
     */
    @Test
    void statusOfANewIntegration_everyMemberInOrder() {
        String id = api.post("/api/v1/integrations", validBody(Map.of())).json().path("id").asString();
        try {
            JsonNode status = api.get("/api/v1/integrations/" + id).json();
            assertThat(status.propertyNames()).containsExactly("id", "enabled", "state", "notice", "settings", "ziik",
                    "learningbank", "lastSync", "queue", "links", "problems", "sso");
            assertThat(status.path("id").asString()).isEqualTo(id);
            assertThat(status.path("enabled").asBoolean()).isTrue();
            assertThat(status.path("state").asString()).isEqualTo("idle");
            assertThat(status.path("notice").isNull()).as("notice").isTrue();
            assertThat(status.path("ziik").toString()).isEqualTo("{\"baseUrl\":\"" + ziik.baseUrl() + "\",\"username\":\""
                    + ziik.config().adminEmail() + "\"}");
            assertThat(status.path("learningbank").toString()).isEqualTo("{\"baseUrl\":\"" + learningbank.baseUrl()
                    + "\",\"username\":\"" + LearningbankSimulator.Config.defaults().username() + "\"}");
            assertThat(status.path("lastSync").isNull()).as("lastSync").isTrue();
            assertThat(status.path("queue").propertyNames()).containsExactly("pending", "oldestPendingSeconds", "deadLetters");
            assertThat(status.path("queue").path("deadLetters").asInt()).isZero();
            assertThat(status.path("links")).isEqualTo(AdminApiClient.JSON.readTree(
                    "{\"departments\":0,\"permissionTypes\":0,\"users\":0}"));
            assertThat(status.path("problems").toString()).isEqualTo("[]");
        } finally {
            assertThat(api.call("DELETE", "/api/v1/integrations/" + id, null).status()).isEqualTo(204);
        }
    }

    /**
     * The first full synchronisation's plan, as the rules derive it from the organisation: link the
     * top unit to the top department (U1), create a department for every other unit (U2; this
     * organisation has no department-type units), adopt the permission types a role's name already
     * names (R2: Learningbank's system types) and create one for every other role (R1), create
     * every user, active or deactivated (P1; none is anonymised). Kinds with no operation are left out.
     */
    private Map<String, Integer> firstPlanImpliedByTheOrganisation() {
        ZiikOrganisation.Summary org = ziik.organisation().summary();
        assertThat(org.departments()).as("department-type units").isZero();
        assertThat(org.anonymisedUsers()).isZero();
        Set<String> existingTypes = learningbank.state().permissionTypes().stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> roles = ziikRoleNames();
        assertThat(roles).hasSize(org.roles());
        int adopted = (int) roles.stream().filter(r -> existingTypes.contains(r.toLowerCase(Locale.ROOT))).count();
        Map<String, Integer> plan = new TreeMap<>();
        plan.put("link/department", 1);
        plan.put("create/department", org.units() - 1);
        plan.put("adopt/permissionType", adopted);
        plan.put("create/permissionType", org.roles() - adopted);
        plan.put("create/user", org.activeUsers() + org.inactiveUsers());
        plan.values().removeIf(n -> n == 0);
        return plan;
    }

    private static Map<String, Integer> operationsByKind(JsonNode plan) {
        Map<String, Integer> kinds = new TreeMap<>();
        plan.path("operations").forEach(o -> kinds.merge(o.path("op").asString() + "/" + o.path("kind").asString(), 1, Integer::sum));
        return kinds;
    }

    /** The Ziik roles' names, read through Ziik's API ({@code GET /usertypes?all=1}). */
    private static List<String> ziikRoleNames() {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String credentials = AdminApiClient.JSON.writeValueAsString(Map.of(
                    "username", ziik.config().adminEmail(), "password", ziik.config().adminPassword()));
            String jwt = AdminApiClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(ziik.baseUrl() + "/authenticate"))
                    .POST(HttpRequest.BodyPublishers.ofString(credentials)).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path(0).path("jwt").asString();
            JsonNode types = AdminApiClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(ziik.baseUrl() + "/usertypes?all=1"))
                    .header("Authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString()).body());
            List<String> names = new ArrayList<>();
            types.path("data").forEach(t -> names.add(t.path("name").asString()));
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> ids(JsonNode entries) {
        List<Long> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.path("id").asLong()));
        return ids;
    }

    private long activeInLearningbank(List<Integer> ziikIds) {
        return learningbank.state().users().stream()
                .filter(u -> ziikIds.stream().anyMatch(z -> ("ziik:" + z).equals(u.externalId())))
                .filter(User::isActive).count();
    }

    private JsonNode syncToEnd(String id) {
        AdminApiClient.Answer started = api.post("/api/v1/integrations/" + id + "/syncs", null);
        assertThat(started.status()).isEqualTo(202);
        return awaitSync(id, started.json().path("syncId").asString());
    }

    private JsonNode awaitSync(String id, String syncId) {
        String path = "/api/v1/integrations/" + id + "/syncs/" + syncId;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !api.get(path).json().path("status").asString().equals("running"));
        return api.get(path).json();
    }

    private static void assertNoSecrets(String body) {
        assertThat(body).doesNotContain(ziik.config().adminPassword())
                .doesNotContain(ziik.config().sharedSecret())
                .doesNotContain(LearningbankSimulator.Config.defaults().password())
                .doesNotContain(LearningbankSimulator.Config.defaults().token())
                .doesNotContainIgnoringCase("secret\":")
                .doesNotContainIgnoringCase("password");
    }
}
