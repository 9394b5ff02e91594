package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class SettingsAndJobProfilesTest extends SimulatorFixture {

    @Test
    void aNewPlatformHasTheDefaultSettings() {
        JsonNode settings = api.get("/settings").data();

        assertThat(settings.get("platform_url").stringValue()).isEqualTo(sim.platformUrl());
        assertThat(settings.get("default_job_profile_id").isNull()).isTrue();
        assertThat(settings.get("default_permission_type_id").stringValue()).isEqualTo(typeId(state, "User"));
        assertThat(settings.get("default_language").stringValue()).isEqualTo("en");
    }

    @Test
    void theDefaultJobProfileIsTheLastSeededAsDefault() {
        String chef = state.seedJobProfile("Chef", true);
        assertThat(api.get("/settings").data().get("default_job_profile_id").stringValue()).isEqualTo(chef);

        String cook = state.seedJobProfile("Cook", true);

        assertThat(api.get("/settings").data().get("default_job_profile_id").stringValue()).isEqualTo(cook);
        assertThat(api.get("/job-profiles/" + chef).data().get("is_default").booleanValue()).isFalse();
        assertThat(api.get("/job-profiles/" + cook).data().get("is_default").booleanValue()).isTrue();
    }

    @Test
    void theDefaultLanguageCanBeSeeded() {
        state.setDefaultLanguage("da");

        assertThat(api.get("/settings").data().get("default_language").stringValue()).isEqualTo("da");
    }

    @Test
    void aJobProfileHasItsFields() {
        String waiter = state.seedJobProfile("Waiter", false);

        JsonNode profile = api.get("/job-profiles/" + waiter).data();

        assertThat(profile.get("id").stringValue()).isEqualTo(waiter);
        assertThat(profile.get("name").stringValue()).isEqualTo("Waiter");
        assertThat(profile.get("is_default").booleanValue()).isFalse();
    }

    @ParameterizedTest(name = "name={0}")
    @CsvSource({"Chef, 1", "chef, 1", "CHEF, 0", "Cook, 1", "Cok, 0"})
    void theNameFilterIsExactAndCaseSensitive(String name, int expected) {
        state.seedJobProfile("Chef", false);
        state.seedJobProfile("chef", false);
        state.seedJobProfile("Cook", true);

        JsonNode body = api.get("/job-profiles?name=" + name).json();

        assertThat(body.get("meta").get("total").asInt()).isEqualTo(expected);
        body.get("data").values().forEach(p -> assertThat(p.get("name").stringValue()).isEqualTo(name));
        assertThat(api.get("/job-profiles").json().get("meta").get("total").asInt()).isEqualTo(3);
    }

    @Test
    void anUnknownJobProfileIsNotFound() {
        var response = api.get("/job-profiles/jp-42");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @Test
    void jobProfilesAreReadOnly() {
        var response = api.post("/job-profiles", "{\"name\":\"Chef\"}");

        assertThat(response.status()).isEqualTo(405);
        assertThat(state.jobProfiles()).isEmpty();
    }
}
