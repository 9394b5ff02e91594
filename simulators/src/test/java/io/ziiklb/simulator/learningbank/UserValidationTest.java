package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every 422 of a user create or patch names the offending field and changes nothing. */
class UserValidationTest extends SimulatorFixture {

    private String ann;

    @BeforeEach
    void seedAnn() {
        ann = state.seedUser(NewUser.of("z-1", "ann@example.com", "Ann", "Berg", List.of(top())));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "email":null                        | email
            "email":"not-an-email"              | email
            "email":"ann@localhost"             | email
            "email":"a b@example.com"           | email
            "email":"@example.com"              | email
            "email":"ann@@example.com"          | email
            "first_name":null                   | first_name
            "first_name":""                     | first_name
            "last_name":"  "                    | last_name
            "department_ids":null               | department_ids
            "department_ids":[]                 | department_ids
            "department_ids":["d-999"]          | department_ids
            "department_ids":["TOP","d-999"]    | department_ids
            "permission_type_ids":["pt-999"]    | permission_type_ids
            "permission_type_ids":null          | permission_type_ids
            "job_profile_id":"jp-999"           | job_profile_id
            "language":"xx"                     | language
            "language":null                     | language
            "is_active":null                    | is_active
            "external_id":""                    | external_id
            """)
    void refusesAnInvalidCreate(String override, String field) {
        var response = api.post("/users", createBody(override, null));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo("validation_failed");
        assertThat(response.fieldError(field)).isNotEmpty();
        assertThat(state.userCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"email", "first_name", "last_name", "department_ids"})
    void requiresTheFieldsACreateNeeds(String field) {
        var response = api.post("/users", createBody(null, field));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.fieldError(field)).contains("is required");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        var response = api.post("/users", "{\"language\":\"xx\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("error").get("fields").propertyNames())
                .containsExactlyInAnyOrder("email", "first_name", "last_name", "department_ids", "language");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"email":null}                      | email
            {"email":"bad"}                     | email
            {"first_name":""}                   | first_name
            {"last_name":null}                  | last_name
            {"department_ids":[]}               | department_ids
            {"department_ids":null}             | department_ids
            {"department_ids":["d-999"]}        | department_ids
            {"permission_type_ids":["pt-999"]}  | permission_type_ids
            {"job_profile_id":"jp-9"}           | job_profile_id
            {"language":"EN"}                   | language
            {"is_active":null}                  | is_active
            {"external_id":" "}                 | external_id
            """)
    void refusesAnInvalidPatch(String json, String field) {
        User before = state.findUser(ann).orElseThrow();

        var response = api.patch("/users/" + ann, json);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.fieldError(field)).isNotEmpty();
        assertThat(state.findUser(ann)).contains(before);
    }

    @Test
    void validationComesBeforeUniqueness() {
        var response = api.post("/users", "{\"email\":\"ann@example.com\",\"first_name\":\"\",\"last_name\":\"B\",\"department_ids\":[\"" + top() + "\"]}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.fieldError("first_name")).isNotEmpty();
    }

    /** A valid create body, with one {@code "field":value} fragment put in and one field left out. */
    private String createBody(String override, String without) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", "\"new@example.com\"");
        fields.put("first_name", "\"New\"");
        fields.put("last_name", "\"User\"");
        fields.put("department_ids", "[\"" + top() + "\"]");
        fields.remove(without);
        if (override != null) {
            int colon = override.indexOf(':');
            fields.put(override.substring(1, colon - 1), override.substring(colon + 1).replace("TOP", top()));
        }
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
