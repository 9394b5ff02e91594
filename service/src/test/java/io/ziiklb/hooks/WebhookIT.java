package io.ziiklb.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.jobs.LiveSync;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ziik's webhooks end to end: registered on create, each trigger reaching Learningbank, removed on remove. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + WebhookIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:webhooks;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class WebhookIT {
    static final String TOKEN = "operator-token-for-webhook-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    LiveSync live;

    @Autowired
    IntegrationStore integrations;

    @BeforeAll
    static void startSimulators() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
    }

    @AfterAll
    static void stopSimulators() {
        ziik.close();
        learningbank.close();
    }

    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode api(String method, String path, Object body) throws Exception {
        return JSON.readTree(call(method, path, body == null ? null : JSON.writeValueAsString(body), Map.of()).body());
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    @Test
    void webhooksCarryEveryKindOfChangeToLearningbank() throws Exception {
        ZiikOrganisation org = ziik.organisation();
        LearningbankSimulator.Config lb = LearningbankSimulator.Config.defaults();
        JsonNode created = api("POST", "/api/v1/integrations", Map.of(
                "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", ziik.config().adminEmail(),
                        "password", ziik.config().adminPassword(), "sharedSecret", ziik.config().sharedSecret()),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", lb.username(),
                        "password", lb.password(), "token", lb.token())));
        String id = created.path("id").asString();

        // registered: one webhook per trigger, at this integration's secret address
        JsonNode hooks = ziikWebhooks();
        assertThat(hooks.size()).isEqualTo(6);
        String uri = hooks.path(0).path("uri").asString();
        assertThat(uri).startsWith("http://localhost:" + port + "/hooks/ziik/" + id + "/").contains("?event=");
        String address = uri.substring(uri.indexOf("/hooks/"), uri.indexOf('?'));

        // nothing synchronises by itself: the first sync is the admin's, and covers what changed until then.
        // Ziik's one delivery has been answered once its queue is idle, and the intake counts what it did
        // with it before answering: dropped, not queued, so there is no work that could still be running.
        int early = org.createUser(NewUser.of("Eve", "Early", "eve@example.com", Membership.of(org.topUnitId())));
        assertThat(ziik.awaitDeliveriesIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(ziik.deliveryLog()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(202));
        assertThat(deliveries("dropped_not_synchronised")).isEqualTo(1);
        assertThat(deliveries("queued")).isZero();
        assertThat(learningbank.state().users()).isEmpty();
        assertThat(api("GET", "/api/v1/integrations/" + id, null).path("lastSync").isNull()).isTrue();
        api("POST", "/api/v1/integrations/" + id + "/syncs", null);
        eventually(() -> learningbank.state().users().size() == 2); // the admin account and Eve
        assertThat(learningbank.state().findUserByExternalId("ziik:" + early)).isPresent();

        // unit.create, user.create
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        eventually(() -> learningbank.state().findDepartmentByName("Kitchen").isPresent());
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)).withLanguage("da"));
        eventually(() -> learningbank.state().findUserByExternalId("ziik:" + ann).isPresent());
        User annInLb = learningbank.state().findUserByExternalId("ziik:" + ann).orElseThrow();
        assertThat(annInLb.departmentIds()).containsExactly(learningbank.state().findDepartmentByName("Kitchen").orElseThrow().id());

        // user.update: that user alone is reconciled, no full synchronisation
        eventually(() -> api("GET", "/api/v1/integrations/" + id, null).path("queue").path("pending").asInt() == 0);
        String lastSync = api("GET", "/api/v1/integrations/" + id, null).path("lastSync").path("syncId").asString();
        learningbank.requestLog().reset();
        org.updateUser(ann, UserUpdate.none().withEmail("ann.berg@example.com"));
        eventually(() -> learningbank.state().findUser(annInLb.id()).orElseThrow().email().equals("ann.berg@example.com"));
        assertThat(api("GET", "/api/v1/integrations/" + id, null).path("lastSync").path("syncId").asString()).isEqualTo(lastSync);
        eventually(() -> api("GET", "/api/v1/integrations/" + id, null).path("queue").path("pending").asInt() == 0);
        assertThat(learningbank.requestLog().byRoute()).as("the linked user read once and patched once, not a full read")
                .isEqualTo(Map.of("GET /api/v1/users/{id}", 1L, "PATCH /api/v1/users/{id}", 1L));

        // roles have no webhooks: polled (here on demand rather than every rolePollIntervalMinutes)
        int host = org.createRole("Host");
        live.pollRoles(integrations.find(id).orElseThrow());
        eventually(() -> learningbank.state().findPermissionTypeByName("Host").isPresent());
        org.renameRole(host, "Greeter");
        live.pollRoles(integrations.find(id).orElseThrow());
        eventually(() -> learningbank.state().findPermissionTypeByName("Greeter").isPresent());

        // unit.update: the tree alone is reconciled, no full synchronisation
        learningbank.requestLog().reset();
        org.renameUnit(kitchen, "Main kitchen");
        eventually(() -> learningbank.state().findDepartmentByName("Main kitchen").isPresent());
        assertThat(api("GET", "/api/v1/integrations/" + id, null).path("lastSync").path("syncId").asString()).isEqualTo(lastSync);
        assertThat(learningbank.requestLog().count("PATCH", "/api/v1/departments/{id}")).isEqualTo(1);
        assertThat(learningbank.requestLog().count("GET", "/api/v1/users")).as("no user is read").isZero();

        // user.delete: deactivated, never deleted; unit.delete
        org.deleteUser(ann);
        eventually(() -> !learningbank.state().findUser(annInLb.id()).orElseThrow().isActive());
        org.deleteUnit(kitchen); // Ann (deactivated) is still in its department: moved out first
        eventually(() -> learningbank.state().findDepartmentByName("Main kitchen").isEmpty());
        assertThat(learningbank.state().users()).hasSize(3);
        assertThat(learningbank.state().findUser(annInLb.id()).orElseThrow().departmentIds())
                .containsExactly(learningbank.state().topDepartmentId());
        assertThat(api("GET", "/api/v1/integrations/" + id, null).path("lastSync").path("syncId").asString()).isEqualTo(lastSync);

        // deliveries that are not Ziik's, or not about a user or unit, change nothing
        String user = "{\"content_type\":\"user\",\"id\":" + ann + "}";
        assertThat(deliver(address.replace(id, "00000000-0000-0000-0000-000000000000"), "user.update", user, null)).isEqualTo(404);
        assertThat(deliver(address.substring(0, address.lastIndexOf('/') + 1) + "wrong-secret", "user.update", user, null)).isEqualTo(404);
        assertThat(deliver(address, "user.update", user, "sha256=00")).isEqualTo(401);
        assertThat(deliver(address, "user.update", user, null)).as("unsigned, with a shared secret").isEqualTo(401);
        assertThat(deliver(address, "user.update", user, io.ziiklb.ziik.webhook.Signature.of(ziik.config().sharedSecret(), user.getBytes()))).isEqualTo(202);
        assertThat(deliver(address, "role.update", user, signed(user))).isEqualTo(400);
        assertThat(deliver(address, null, user, signed(user))).isEqualTo(400);
        assertThat(deliver(address, "unit.update", user, signed(user))).as("a user body for a unit event").isEqualTo(400);
        assertThat(deliver(address, "user.update", "{\"content_type\":\"user\"}", signed("{\"content_type\":\"user\"}"))).isEqualTo(400);
        assertThat(deliver(address, "user.update", "not json", signed("not json"))).isEqualTo(400);
        assertThat(deliver(address, "user.update", "", signed(""))).isEqualTo(400);
        assertThat(deliver(address, "user.update", "[1,2]", signed("[1,2]"))).isEqualTo(400);

        // disabled: deliveries are answered 202 and dropped; nothing is queued or written
        api("POST", "/api/v1/integrations/" + id + "/disable", null);
        eventually(() -> api("GET", "/api/v1/integrations/" + id, null).path("queue").path("pending").asInt() == 0);
        long writes = learningbank.requestLog().writes();
        long queued = deliveries("queued");
        org.createUser(NewUser.of("Bob", "Dahl", "bob@example.com", Membership.of(org.topUnitId())));
        assertThat(ziik.awaitDeliveriesIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(deliveries("dropped_disabled")).as("answered and dropped before anything was queued").isEqualTo(1);
        assertThat(deliveries("queued")).isEqualTo(queued);
        assertThat(api("GET", "/api/v1/integrations/" + id, null).path("queue").path("pending").asInt()).isZero();
        assertThat(learningbank.requestLog().writes()).isEqualTo(writes);
        assertThat(call("GET", "/actuator/prometheus", null, Map.of()).body())
                .contains("ziiklb_webhook_deliveries_total{outcome=\"dropped_disabled\"}")
                .contains("ziiklb_webhook_deliveries_total{outcome=\"bad_signature\"} 1.0");

        // re-enabled: nothing replayed; the status says changes may have been missed, until a sync runs
        JsonNode enabled = api("POST", "/api/v1/integrations/" + id + "/enable", null);
        assertThat(enabled.path("notice").asString()).contains("may not have reached Learningbank").contains("/syncs");
        assertThat(learningbank.state().findUserByEmail("bob@example.com")).isEmpty();
        api("POST", "/api/v1/integrations/" + id + "/syncs", null);
        eventually(() -> learningbank.state().findUserByEmail("bob@example.com").isPresent());
        eventually(() -> api("GET", "/api/v1/integrations/" + id, null).path("notice").isNull());

        // removed: its webhooks are gone from Ziik, deliveries to its address find nothing
        eventually(() -> api("GET", "/api/v1/integrations/" + id, null).path("state").asString().equals("idle"));
        assertThat(call("DELETE", "/api/v1/integrations/" + id, null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(ziikWebhooks().size()).isZero();
        assertThat(deliver(address, "user.update", user, null)).isEqualTo(404);
    }

    private int deliver(String address, String event, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + address
                        + (event == null ? "" : "?event=" + event)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (signature != null) {
            request.header("X-Ziik-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The signature Ziik sends with this body, keyed with the simulator's shared secret. */
    private static String signed(String body) {
        return io.ziiklb.ziik.webhook.Signature.of(ziik.config().sharedSecret(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** How many deliveries the intake has judged so, by its counter. */
    private long deliveries(String outcome) throws Exception {
        String metric = "ziiklb_webhook_deliveries_total{outcome=\"" + outcome + "\"} ";
        return call("GET", "/actuator/prometheus", null, Map.of()).body().lines()
                .filter(line -> line.startsWith(metric))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(metric.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + metric));
    }

    private JsonNode ziikWebhooks() throws Exception {
        String jwt = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(ziik.baseUrl() + "/authenticate"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "username", ziik.config().adminEmail(), "password", ziik.config().adminPassword()))))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body())
                .path(0).path("jwt").asString();
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(ziik.baseUrl() + "/webhooks"))
                .header("Authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString()).body()).path("data");
    }
}
