package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The /_sim control routes change the organisation like the in-process API, with 404/409/422 for refusals. */
class ControlRoutesTest {
    private ZiikSimulator sim;
    private ZiikOrganisation org;
    private ApiClient client;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        org = sim.organisation();
        client = new ApiClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void unitsAreCreatedRenamedMovedAndDeleted() {
        int site = id(control(201, "POST", "/_sim/units", "{\"name\":\"Harbour\"}"));
        int other = id(control(201, "POST", "/_sim/units", "{\"name\":\"Airport\"}"));
        int kitchen = id(control(201, "POST", "/_sim/units", "{\"name\":\"Kitchen\",\"parentId\":" + site + "}"));
        int delivery = id(control(201, "POST", "/_sim/units", "{\"name\":\"Delivery\",\"parentId\":" + site + ",\"type\":\"department\"}"));

        control(200, "PATCH", "/_sim/units/" + kitchen, "{\"name\":\"Hot Kitchen\",\"parentId\":" + other + "}");
        control(409, "DELETE", "/_sim/units/" + other, null);
        control(204, "DELETE", "/_sim/units/" + delivery, null);

        UnitRow moved = org.read(s -> s.unit(kitchen));
        assertThat(moved.name()).isEqualTo("Hot Kitchen");
        assertThat(moved.parentId()).isEqualTo(other);
        assertThat(org.unitIds()).containsExactly(org.topUnitId(), site, other, kitchen);
    }

    @Test
    void rolesAreCreatedRenamedAndDeleted() {
        int chef = id(control(201, "POST", "/_sim/roles", "{\"name\":\"Chef\"}"));
        control(422, "POST", "/_sim/roles", "{\"name\":\"Chef\"}");
        control(200, "PATCH", "/_sim/roles/" + chef, "{\"name\":\"Cook\"}");

        String renamed = org.read(s -> s.role(chef).name());
        assertThat(renamed).isEqualTo("Cook");
        control(204, "DELETE", "/_sim/roles/" + chef, null);
        control(404, "DELETE", "/_sim/roles/" + chef, null);
    }

    @Test
    void usersAndMembershipsGoThroughTheirWholeLife() {
        int site = org.createUnit("Harbour", org.topUnitId());
        int kitchen = org.createUnit("Kitchen", site);
        int chef = org.createRole("Chef");
        int user = id(control(201, "POST", "/_sim/users", "{\"firstName\":\"Ann\",\"lastName\":\"Berg\",\"email\":\"ann@example.com\","
                + "\"language\":\"da\",\"unitId\":" + site + ",\"roleIds\":[" + chef + "]}"));

        control(200, "PATCH", "/_sim/users/" + user, "{\"email\":\"ANN@example.com\",\"language\":\"kl\"}");
        assertThat(control(201, "POST", "/_sim/users/" + user + "/memberships", "{\"roleIds\":[]}").get("index").intValue()).isEqualTo(1);
        control(422, "PUT", "/_sim/users/" + user + "/memberships/1", "{\"unitId\":" + site + "}");
        control(200, "PUT", "/_sim/users/" + user + "/memberships/1", "{\"unitId\":" + kitchen + ",\"roleIds\":[" + chef + "]}");
        assertThat(org.memberships(user)).containsExactly(Membership.of(site, chef), Membership.of(kitchen, chef));
        control(204, "DELETE", "/_sim/users/" + user + "/memberships/1", null);
        JsonNode memberships = control(200, "GET", "/_sim/users/" + user + "/memberships", null).get("data");
        assertThat(memberships).hasSize(1);
        assertThat(memberships.at("/0/roleIds/0").intValue()).isEqualTo(chef);
        control(409, "DELETE", "/_sim/users/" + user + "/memberships/0", null);
        control(200, "POST", "/_sim/users/" + user + "/deactivate", null);
        assertThat(org.summary().inactiveUsers()).isEqualTo(1);
        control(200, "POST", "/_sim/users/" + user + "/reactivate", null);
        control(204, "DELETE", "/_sim/users/" + user, null);

        assertThat(org.userIds()).containsExactly(org.adminUserId());
        assertThat(org.summary().anonymisedUsers()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST  | /_sim/units                | {\"parentId\":1}                                   | 422",
            "POST  | /_sim/units                | {\"name\":\"X\",\"parentId\":99}                     | 404",
            "PATCH | /_sim/units/1              | {\"parentId\":1}                                   | 422",
            "PATCH | /_sim/units/1              | {}                                                 | 422",
            "DELETE| /_sim/units/1              |                                                    | 409",
            "POST  | /_sim/users                | {\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"INTEGRATION@ziik.test\"} | 422",
            "POST  | /_sim/users                | {\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@b.c\",\"roleIds\":[77]} | 404",
            "POST  | /_sim/users/1/deactivate   |                                                    | 409",
            "DELETE| /_sim/users/1              |                                                    | 409",
            "DELETE| /_sim/users/404            |                                                    | 404",
            "POST  | /_sim/users/1/memberships  | {\"unitId\":\"one\"}                                 | 422",
            "POST  | /_sim/users/1/memberships  | {\"unitId\":1}                                     | 422",
            "POST  | /_sim/generate             | {\"users\":0}                                      | 422",
            "POST  | /_sim/roles                | not json                                           | 400"})
    void refusalsAnswerWithTheirStatusAndAMessage(String method, String path, String body, int status) {
        ApiClient.Answer answer = client.control(method, path, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("message").stringValue()).isNotBlank();
    }

    @Test
    void generateAndSummary() {
        JsonNode generated = control(200, "POST", "/_sim/generate", "{\"users\":200,\"seed\":4}");
        JsonNode summary = control(200, "GET", "/_sim/summary", null);

        assertThat(generated.get("users").intValue()).isEqualTo(200);
        assertThat(generated.get("roleNames")).extracting(JsonNode::stringValue).contains("Chef", "Waiter", "Manager");
        assertThat(summary.at("/organisation/activeUsers").intValue() + summary.at("/organisation/inactiveUsers").intValue())
                .isEqualTo(201);
        assertThat(summary.at("/organisation/units").intValue()).isEqualTo(generated.get("units").intValue());
        assertThat(summary.get("topUnitId").intValue()).isEqualTo(org.topUnitId());
    }

    @Test
    void controlRoutesAreNotInTheRequestLog() {
        control(201, "POST", "/_sim/roles", "{\"name\":\"Chef\"}");
        control(200, "GET", "/_sim/summary", null);

        assertThat(sim.requestLog().total()).isZero();
        assertThat(org.roleIds()).hasSize(2);
    }

    private JsonNode control(int expectedStatus, String method, String path, String body) {
        ApiClient.Answer answer = client.control(method, path, body);
        assertThat(answer.status()).as("%s %s: %s", method, path, answer.body()).isEqualTo(expectedStatus);
        return answer.body().isEmpty() ? null : answer.json();
    }

    private static int id(JsonNode answer) {
        return answer.get("id").intValue();
    }
}
