package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class PermissionTypeTest extends SimulatorFixture {

    @Test
    void aNewPlatformHasTheFourSystemTypesWithUserAsDefault() {
        JsonNode list = api.get("/permission-types").data();

        assertThat(list.values().stream().map(t -> t.get("name").stringValue()))
                .containsExactly("Owner", "Manager", "Content Creator", "User");
        assertThat(list.values()).allSatisfy(t -> assertThat(t.get("is_system").booleanValue()).isTrue());
        assertThat(list.values().stream().filter(t -> t.get("is_default").booleanValue()).map(t -> t.get("name").stringValue()))
                .containsExactly("User");
    }

    @Test
    void createsAType() {
        var response = api.post("/permission-types", "{\"name\":\"Auditor\"}");

        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.data();
        assertThat(created.get("name").stringValue()).isEqualTo("Auditor");
        assertThat(created.get("is_system").booleanValue()).isFalse();
        assertThat(created.get("is_default").booleanValue()).isFalse();
        assertThat(api.get("/permission-types/" + created.get("id").stringValue()).data()).isEqualTo(created);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Owner", "owner", "CONTENT CREATOR", "Auditor", "auditor"})
    void typeNamesAreUniqueIgnoringCase(String name) {
        state.seedPermissionType("Auditor");

        var response = api.post("/permission-types", "{\"name\":\"" + name + "\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("duplicate_name");
        assertThat(state.permissionTypes()).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\":\"\"}", "{\"name\":\"  \"}", "{\"name\":null}"})
    void aTypeNeedsAName(String json) {
        var response = api.post("/permission-types", json);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.fieldError("name")).isNotEmpty();
    }

    @Test
    void renamesAType() {
        String auditor = state.seedPermissionType("Auditor");

        var response = api.patch("/permission-types/" + auditor, "{\"name\":\"Inspector\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("name").stringValue()).isEqualTo("Inspector");
        assertThat(state.findPermissionTypeByName("inspector")).map(PermissionType::id).contains(auditor);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"manager"} | 409 | duplicate_name
            {"name":""}        | 422 | validation_failed
            {"name":null}      | 422 | validation_failed
            {}                 | 422 | validation_failed
            """)
    void refusesABadRename(String json, int status, String code) {
        String auditor = state.seedPermissionType("Auditor");

        var response = api.patch("/permission-types/" + auditor, json);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(state.findPermissionType(auditor).orElseThrow().name()).isEqualTo("Auditor");
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({"Owner, PATCH", "Manager, PATCH", "Content Creator, PATCH", "User, PATCH",
            "Owner, DELETE", "Manager, DELETE", "Content Creator, DELETE", "User, DELETE"})
    void systemTypesAreProtected(String name, String method) {
        String id = typeId(state, name);

        var response = api.send(method, "/permission-types/" + id, method.equals("PATCH") ? "{\"name\":\"Renamed\"}" : null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("protected");
        assertThat(state.findPermissionType(id).orElseThrow().name()).isEqualTo(name);
    }

    @Test
    void deletingATypeTakesItFromEveryUserHoldingIt() {
        String auditor = state.seedPermissionType("Auditor");
        String user = typeId(state, "User");
        String holder = state.seedUser(NewUser.of(null, "a@example.com", "A", "A", List.of(top()))
                .withPermissionTypeIds(List.of(user, auditor)));
        String onlyAuditor = state.seedUser(NewUser.of(null, "b@example.com", "B", "B", List.of(top()))
                .withPermissionTypeIds(List.of(auditor)));
        String other = seedUser("c@example.com");
        clock.advance(java.time.Duration.ofMinutes(5));

        var response = api.delete("/permission-types/" + auditor);

        assertThat(response.status()).isEqualTo(204);
        assertThat(api.get("/permission-types/" + auditor).status()).isEqualTo(404);
        assertThat(api.get("/users/" + holder).data().get("permission_type_ids").toString()).isEqualTo("[\"" + user + "\"]");
        assertThat(state.findUser(onlyAuditor).orElseThrow().permissionTypeIds()).isEmpty();
        assertThat(state.findUser(holder).orElseThrow().updatedAt()).isEqualTo(START.plusSeconds(300));
        assertThat(state.findUser(other).orElseThrow().updatedAt()).isEqualTo(START);
    }

    @ParameterizedTest(name = "name={0}")
    @CsvSource({"content creator, 1", "Auditor, 1", "AUDITOR, 1", "Audit, 0"})
    void filtersByNameIgnoringCase(String name, int expected) {
        state.seedPermissionType("Auditor");

        JsonNode body = api.get("/permission-types?name=" + name.replace(" ", "%20")).json();

        assertThat(body.get("meta").get("total").asInt()).isEqualTo(expected);
        body.get("data").values().forEach(t -> assertThat(t.get("name").stringValue()).isEqualToIgnoringCase(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    |
            PATCH  | {"name":"X"}
            DELETE |
            """)
    void anUnknownTypeIsNotFound(String method, String json) {
        var response = api.send(method, "/permission-types/pt-999", json);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }
}
