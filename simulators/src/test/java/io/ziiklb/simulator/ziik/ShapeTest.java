package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every documented Ziik payload (fixtures/ziik-docs) against the simulator's answer to the same
 * call, field by field with {@link ShapeAssert}. Fields skipped on purpose are listed per case
 * with the reason.
 */
class ShapeTest {
    /** Tenant contact and address data in unit-single.json: the integration never reads it, so the simulator leaves it out. */
    private static final Map<String, String> UNIT_CONTACT_DATA = Map.of(
            "data.addresses", "tenant address book, never read by the integration",
            "data.contact", "contact person, never read by the integration",
            "data.opening_hours", "opening hours, never read by the integration",
            "data.geo", "coordinates, never read by the integration");
    /** The simulator's users have no birthday (null), where the documentation shows a date string. */
    private static final Map<String, String> NO_BIRTHDAY = Map.of("data.birthday", "optional profile field, null in the simulator");

    private static ZiikSimulator sim;
    private static ApiClient client;
    private static HookReceiver hooks;
    private static String token;
    private static int userWithRoles;
    private static String employeeToken;

    @BeforeAll
    static void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(sim.organisation(), 300, 5);
        client = new ApiClient(sim);
        hooks = new HookReceiver();
        token = client.login();
        for (String event : List.of("user.update", "unit.create")) {
            client.post("/webhooks", "{\"name\":\"" + event + "\",\"uri\":\"" + hooks.uri(event) + "\",\"triggers\":[\"" + event + "\"]}", token);
        }
        ZiikOrganisation org = sim.organisation();
        userWithRoles = org.userIds().stream().filter(id -> id != org.adminUserId()).findFirst().orElseThrow();
        // a quicklink whose visibility names a unit and a role, so those lists have elements to compare
        int role = org.roleIds().getLast();
        client.post("/quicklinks", quicklink("Menu", "{\"userTypes\":[" + role + "],\"units\":[" + org.topUnitId()
                + "],\"units_falldown\":[]}"), token);
        SeededPeople people = sim.seedPeople();
        employeeToken = client.login(people.employee().email(), people.employee().password());
    }

    private static String quicklink(String name, String visibility) {
        return "{\"name\":\"" + name + "\",\"link\":\"https://example.com/" + name + "\",\"visibility\":" + visibility + "}";
    }

    @AfterAll
    static void stop() {
        hooks.close();
        sim.close();
    }

    static Stream<Arguments> documentedPayloads() {
        return Stream.of(
                shape("authenticate.json", () -> client.post("/authenticate",
                        "{\"username\":\"integration@ziik.test\",\"password\":\"ziik-secret\"}", null).json(), Map.of()),
                shape("users-list.json", () -> api("/users"), Map.of()),
                shape("user-single.json", () -> api("/users/" + userWithRoles), NO_BIRTHDAY),
                shape("user-current.json", () -> api("/users/current"), NO_BIRTHDAY),
                shape("user-current.json", () -> client.get("/users/current", employeeToken).json(), NO_BIRTHDAY),
                shape("units-list.json", () -> api("/units"), Map.of()),
                shape("unit-single.json", () -> api("/units/" + sim.organisation().topUnitId()), UNIT_CONTACT_DATA),
                shape("units-tree.json", () -> api("/units/tree?all=true"), Map.of()),
                shape("usertypes-list.json", () -> api("/usertypes?all=1"), Map.of()),
                shape("webhook-single.json", () -> api("/webhooks/1"), Map.of()),
                shape("quicklink-created.json", () -> client.post("/quicklinks",
                        quicklink("Rota", "{\"userTypes\":[],\"units\":[],\"units_falldown\":[]}"), token).json(), Map.of()),
                shape("quicklink-single.json", () -> api("/quicklinks/1"), Map.of()),
                shape("quicklinks-list.json", () -> api("/quicklinks"), Map.of()),
                shape("webhook-delivery-user.json", () -> delivered("user.update",
                        () -> sim.organisation().updateUser(userWithRoles, UserUpdate.none().withTitle("Head Chef"))), Map.of()),
                shape("webhook-delivery-unit.json", () -> delivered("unit.create",
                        () -> sim.organisation().createUnit("Popup", sim.organisation().topUnitId())), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedPayloads")
    void answersHaveTheDocumentedShape(String fixture, Supplier<JsonNode> actual, Map<String, String> skipped) {
        ShapeAssert.assertSameShape(Fixtures.read(fixture), actual.get(), skipped);
    }

    private static Arguments shape(String fixture, Supplier<JsonNode> actual, Map<String, String> skipped) {
        return Arguments.of(fixture, actual, skipped);
    }

    private static JsonNode api(String path) {
        ApiClient.Answer answer = client.get(path, token);
        assertThat(answer.status()).as("GET %s", path).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode delivered(String event, Runnable change) {
        hooks.clear();
        change.run();
        assertThat(sim.awaitDeliveriesIdle(Duration.ofSeconds(5))).isTrue();
        List<HookReceiver.Received> received = hooks.received();
        assertThat(received).extracting(HookReceiver.Received::event).containsExactly(event);
        return Json.MAPPER.readTree(received.getFirst().body());
    }
}
