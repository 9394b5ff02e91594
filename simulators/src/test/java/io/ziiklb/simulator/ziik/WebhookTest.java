package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Webhook CRUD over the API, and which change fires which delivery, signed, to which URI. */
class WebhookTest {
    private static final String SECRET = "tenant-7-shared-secret";
    private ZiikSimulator sim;
    private ZiikOrganisation org;
    private ApiClient client;
    private HookReceiver hooks;
    private String token;
    /** A unit, a role and a user the changes below work on, created before the webhooks. */
    private int unit;
    private int role;
    private int user;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults().withSharedSecret(SECRET));
        org = sim.organisation();
        client = new ApiClient(sim);
        hooks = new HookReceiver();
        token = client.login();
        unit = org.createUnit("Harbour", org.topUnitId());
        role = org.createRole("Chef");
        user = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(unit, role)));
    }

    @AfterEach
    void stop() {
        sim.close();
        hooks.close();
    }

    @Test
    void createListReadAndDeleteAWebhook() {
        ApiClient.Answer created = register("Users", hooks.uri("user.update"), "\"user.update\", \"user.delete\"");

        assertThat(created.status()).isEqualTo(201);
        JsonNode webhook = created.json().get("data");
        int id = webhook.get("id").intValue();
        assertThat(webhook.get("uri").stringValue()).isEqualTo(hooks.uri("user.update"));
        assertThat(webhook.get("triggers")).extracting(JsonNode::stringValue).containsExactly("user.update", "user.delete");
        assertThat(webhook.at("/author/id").intValue()).isEqualTo(org.adminUserId());
        assertThat(client.get("/webhooks", token).json().at("/data/0/id").intValue()).isEqualTo(id);
        assertThat(client.get("/webhooks/" + id, token).json().at("/data/name").stringValue()).isEqualTo("Users");

        assertThat(client.delete("/webhooks/" + id, token).status()).isEqualTo(204);
        assertThat(client.get("/webhooks/" + id, token).status()).isEqualTo(404);
        assertThat(client.delete("/webhooks/" + id, token).status()).isEqualTo(404);
        assertThat(client.get("/webhooks", token).json().get("data").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"role.update\"", "\"user.update\", \"USER.DELETE\"", "42"})
    void unknownTriggersAre422(String triggers) {
        ApiClient.Answer answer = register("Bad", hooks.uri("x"), triggers);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").propertyNames()).singleElement().asString().startsWith("triggers.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"uri\":\"http://127.0.0.1/x\",\"triggers\":[\"user.update\"]}",
            "{\"name\":\"n\",\"uri\":\"not a url\",\"triggers\":[\"user.update\"]}",
            "{\"name\":\"n\",\"uri\":\"http://127.0.0.1/x\",\"triggers\":[]}"})
    void incompleteWebhooksAre422(String body) {
        assertThat(client.post("/webhooks", body, token).status()).isEqualTo(422);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("user.create", "user", t -> t.org.createUser(NewUser.of("Bo", "Lund", "bo@example.com", Membership.of(t.unit, t.role)))),
                change("user.update", "user", t -> {
                    t.org.updateUser(t.user, UserUpdate.none().withEmail("ann.berg@example.com"));
                    return t.user;
                }),
                change("user.delete", "user", t -> {
                    t.org.deleteUser(t.user);
                    return t.user;
                }),
                change("unit.create", "unit", t -> t.org.createUnit("Kitchen", t.unit)),
                change("unit.update", "unit", t -> {
                    t.org.renameUnit(t.unit, "Old Harbour");
                    return t.unit;
                }),
                change("unit.delete", "unit", t -> {
                    int empty = t.org.createUnit("Empty", t.org.topUnitId());
                    t.awaitDeliveries();
                    t.hooks.clear();
                    t.org.deleteUnit(empty);
                    return empty;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void eachChangeFiresOnlyItsTriggerWithTheBareObjectSigned(String trigger, String contentType,
                                                             Function<WebhookTest, Integer> change) {
        registerAllSixTriggers();

        int id = change.apply(this);
        awaitDeliveries();

        List<HookReceiver.Received> received = hooks.received();
        assertThat(received).extracting(HookReceiver.Received::event).containsExactly(trigger);
        HookReceiver.Received delivery = received.getFirst();
        JsonNode body = Json.MAPPER.readTree(delivery.body());
        assertThat(body.get("content_type").stringValue()).isEqualTo(contentType);
        assertThat(body.get("id").intValue()).isEqualTo(id);
        assertThat(body.has("data")).as("no envelope").isFalse();
        assertThat(delivery.signature()).isEqualTo(Fixtures.expectedSignature(SECRET, delivery.body()));
        assertThat(delivery.contentType()).startsWith("application/json");
        assertThat(delivery.path()).isEqualTo("/hooks/ziik/7/s3cret");
    }

    @Test
    void aDeliveryCarriesTheStateRightAfterItsChange() {
        registerAllSixTriggers();
        org.updateUser(user, UserUpdate.none().withName("Anne", "Berg"));
        org.deactivateUser(user);
        awaitDeliveries();

        List<JsonNode> bodies = hooks.received().stream().map(r -> Json.MAPPER.readTree(r.body())).toList();
        assertThat(bodies).extracting(b -> b.get("first_name").stringValue()).containsExactly("Anne", "Anne");
        assertThat(bodies).extracting(b -> b.get("active").booleanValue()).containsExactly(true, false);
    }

    @Test
    void membershipChangesFireUserUpdateOnlyWhenSwitchedOn() {
        registerAllSixTriggers();
        int kitchen = org.createUnit("Kitchen", unit);
        awaitDeliveries();
        hooks.clear();

        org.addMembership(user, Membership.of(kitchen, role));
        org.replaceMembership(user, 1, Membership.of(kitchen));
        awaitDeliveries();
        assertThat(hooks.received()).isEmpty();

        sim.setDeliveries(sim.deliveries().withMembershipChangesFiringUserUpdate(true));
        org.removeMembership(user, 1);
        awaitDeliveries();
        assertThat(hooks.events()).containsExactly("user.update");
    }

    @Test
    void roleChangesFireNothing() {
        registerAllSixTriggers();

        int waiter = org.createRole("Waiter");
        org.renameRole(waiter, "Server");
        org.deleteRole(role);
        awaitDeliveries();

        assertThat(hooks.received()).isEmpty();
    }

    @Test
    void aDeletedWebhookGetsNothingAndEveryMatchingWebhookGetsItsOwnCopy() {
        int first = register("a", hooks.uri("first"), "\"user.update\"").json().at("/data/id").intValue();
        register("b", hooks.uri("second"), "\"user.update\", \"user.create\"");
        register("c", hooks.uri("third"), "\"user.update\"");
        client.delete("/webhooks/" + first, token);

        org.updateUser(user, UserUpdate.none().withTitle("Cook"));
        awaitDeliveries();

        assertThat(hooks.events()).containsExactlyInAnyOrder("second", "third");
    }

    private void registerAllSixTriggers() {
        for (String trigger : List.of("user.create", "user.update", "user.delete", "unit.create", "unit.update", "unit.delete")) {
            assertThat(register(trigger, hooks.uri(trigger), "\"" + trigger + "\"").status()).isEqualTo(201);
        }
    }

    private ApiClient.Answer register(String name, String uri, String triggers) {
        return client.post("/webhooks", "{\"name\":\"" + name + "\",\"uri\":\"" + uri + "\",\"triggers\":[" + triggers + "]}", token);
    }

    private void awaitDeliveries() {
        assertThat(sim.awaitDeliveriesIdle(Duration.ofSeconds(5))).isTrue();
    }

    private static Arguments change(String trigger, String contentType, Function<WebhookTest, Integer> change) {
        return Arguments.of(trigger, contentType, change);
    }
}
