package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlRoutesTest extends SimulatorFixture {

    @Test
    void stateShowsTheWholePlatform() {
        String chef = state.seedJobProfile("Chef", true);
        String ann = seedUser("ann@example.com");

        JsonNode body = control("GET", "/_sim/state", null).json();

        assertThat(body.propertyNames()).containsExactly("settings", "departments", "permission_types", "job_profiles", "users");
        assertThat(body.get("settings").get("platform_url").stringValue()).isEqualTo(sim.platformUrl());
        assertThat(body.get("settings").get("default_job_profile_id").stringValue()).isEqualTo(chef);
        assertThat(body.get("departments").size()).isEqualTo(1);
        assertThat(body.get("permission_types").size()).isEqualTo(4);
        assertThat(body.get("job_profiles").get(0).get("name").stringValue()).isEqualTo("Chef");
        assertThat(body.get("users").get(0)).isEqualTo(api.get("/users/" + ann).data());
    }

    @Test
    void seedCreatesEverythingAndResolvesNames() {
        var response = control("POST", "/_sim/seed", """
                {"default_language": "da",
                 "job_profiles": [{"name": "Chef", "default": true}, {"name": "Cook"}],
                 "permission_types": ["Auditor", {"name": "Inspector"}],
                 "departments": [{"name": "Kitchen"}, {"name": "Bar", "parent": "kitchen"}],
                 "users": [{"email": "ann@example.com", "first_name": "Ann", "last_name": "Berg",
                            "department_ids": ["Bar", "Acme"], "permission_type_ids": ["Auditor"], "job_profile_id": "Cook"},
                           {"email": "bo@example.com", "first_name": "Bo", "last_name": "Ek", "external_id": "z-2",
                            "department_ids": ["Kitchen"]}]}
                """);

        assertThat(response.status()).isEqualTo(200);
        JsonNode ids = response.json();
        String kitchen = ids.get("departments").get("Kitchen").stringValue();
        String bar = ids.get("departments").get("Bar").stringValue();
        assertThat(state.findDepartment(bar).orElseThrow().parentId()).isEqualTo(kitchen);
        assertThat(state.settings().defaultLanguage()).isEqualTo("da");
        assertThat(state.settings().defaultJobProfileId()).isEqualTo(ids.get("job_profiles").get("Chef").stringValue());
        User ann = state.findUser(ids.get("users").get("ann@example.com").stringValue()).orElseThrow();
        assertThat(ann.departmentIds()).containsExactly(bar, top());
        assertThat(ann.permissionTypeIds()).containsExactly(ids.get("permission_types").get("Auditor").stringValue());
        assertThat(ann.jobProfileId()).isEqualTo(ids.get("job_profiles").get("Cook").stringValue());
        assertThat(ann.language()).isEqualTo("da");
        User bo = state.findUserByExternalId("z-2").orElseThrow();
        assertThat(bo.jobProfileId()).isEqualTo(state.settings().defaultJobProfileId());
        assertThat(state.findPermissionTypeByName("Inspector")).isPresent();
        assertThat(sim.requestLog().total()).isZero();
    }

    @Test
    void aSeedFollowsTheApiRules() {
        var duplicate = control("POST", "/_sim/seed", "{\"departments\": [{\"name\": \"ACME\"}]}");
        var unknownDepartment = control("POST", "/_sim/seed",
                "{\"users\": [{\"email\": \"a@b.dk\", \"first_name\": \"A\", \"last_name\": \"B\", \"department_ids\": [\"Nowhere\"]}]}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("duplicate_name");
        assertThat(unknownDepartment.status()).isEqualTo(422);
        assertThat(unknownDepartment.fieldError("department_ids")).contains("Nowhere");
    }

    @Test
    void resetGivesANewPlatform() {
        state.seedJobProfile("Chef", true);
        String sales = state.seedDepartment("Sales", null);
        String ann = seedUser("ann@example.com", sales);
        String url = api.post("/users/" + ann + "/login-links", "{}").data().get("url").stringValue();

        var response = control("POST", "/_sim/reset", null);

        assertThat(response.status()).isEqualTo(204);
        assertThat(state.departments()).containsExactly(new Department("d-1", "Acme", null, true));
        assertThat(state.users()).isEmpty();
        assertThat(state.jobProfiles()).isEmpty();
        assertThat(state.permissionTypes()).hasSize(4);
        assertThat(state.settings().defaultJobProfileId()).isNull();
        assertThat(state.seedDepartment("Sales", null)).isEqualTo("d-2");
        assertThat(control("GET", url.substring(sim.platformUrl().length()), null).status()).isEqualTo(401);
    }

    private LbClient.Response control(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.platformUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return LbClient.fetch(request);
    }
}
