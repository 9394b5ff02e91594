package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class UserTest extends SimulatorFixture {
    private String sales;
    private String support;

    @BeforeEach
    void departments() {
        sales = state.seedDepartment("Sales", null);
        support = state.seedDepartment("Support", null);
    }

    @Test
    void createsAUserWithTheDocumentedDefaults() {
        var response = api.post("/users", minimal("ann@example.com"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode user = response.data();
        assertThat(user.get("id").stringValue()).isEqualTo("u-1");
        assertThat(user.get("external_id").isNull()).isTrue();
        assertThat(user.get("email").stringValue()).isEqualTo("ann@example.com");
        assertThat(user.get("first_name").stringValue()).isEqualTo("Ann");
        assertThat(user.get("last_name").stringValue()).isEqualTo("Berg");
        assertThat(user.get("is_active").booleanValue()).isTrue();
        assertThat(user.get("language").stringValue()).isEqualTo("en");
        assertThat(user.get("department_ids").toString()).isEqualTo("[\"" + sales + "\"]");
        assertThat(user.get("permission_type_ids").toString()).isEqualTo("[\"" + typeId(state, "User") + "\"]");
        assertThat(user.get("job_profile_id").isNull()).isTrue();
        assertThat(user.get("created_at").stringValue()).isEqualTo("2025-03-01T09:00:00Z");
        assertThat(user.get("updated_at").stringValue()).isEqualTo("2025-03-01T09:00:00Z");
        assertThat(api.get("/users/u-1").data()).isEqualTo(user);
    }

    @Test
    void anOmittedJobProfileAndLanguageTakeThePlatformDefaults() {
        String chef = state.seedJobProfile("Chef", true);
        state.setDefaultLanguage("da");

        JsonNode user = api.post("/users", minimal("ann@example.com")).data();

        assertThat(user.get("job_profile_id").stringValue()).isEqualTo(chef);
        assertThat(user.get("language").stringValue()).isEqualTo("da");
    }

    @Test
    void givenValuesWinOverDefaults() {
        state.seedJobProfile("Chef", true);
        String manager = typeId(state, "Manager");

        JsonNode user = api.post("/users", """
                {"external_id":"z-1","email":"ann@example.com","first_name":"Ann","last_name":"Berg",
                 "is_active":false,"language":"sv","department_ids":["%s","%s","%s"],
                 "permission_type_ids":["%s"],"job_profile_id":null}
                """.formatted(sales, support, sales, manager)).data();

        assertThat(user.get("external_id").stringValue()).isEqualTo("z-1");
        assertThat(user.get("is_active").booleanValue()).isFalse();
        assertThat(user.get("language").stringValue()).isEqualTo("sv");
        assertThat(user.get("department_ids").toString()).isEqualTo("[\"" + sales + "\",\"" + support + "\"]");
        assertThat(user.get("permission_type_ids").toString()).isEqualTo("[\"" + manager + "\"]");
        assertThat(user.get("job_profile_id").isNull()).isTrue();
    }

    @Test
    void anEmptyPermissionTypeListIsKeptEmpty() {
        JsonNode user = api.post("/users", withField("ann@example.com", "\"permission_type_ids\":[]")).data();

        assertThat(user.get("permission_type_ids").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "da", "de", "es", "et_EE", "fi", "fr", "it", "ja", "lt", "lv_LV", "nl", "no", "pl",
            "pt", "ro_RO", "ru", "sk", "sv", "us"})
    void acceptsEveryContractLanguage(String language) {
        var response = api.post("/users", withField("ann@example.com", "\"language\":\"" + language + "\""));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().get("language").stringValue()).isEqualTo(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EN", "en_US", "et", "lv", "ro", "nb", "se", "xx", "", " en"})
    void refusesAnyOtherLanguage(String language) {
        var response = api.post("/users", withField("ann@example.com", "\"language\":\"" + language + "\""));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.fieldError("language")).contains("must be one of");
        assertThat(state.userCount()).isZero();
    }

    @Test
    void aPatchChangesOnlyTheGivenFields() {
        String id = seedUser("ann@example.com", sales);
        User before = state.findUser(id).orElseThrow();
        clock.advance(Duration.ofMinutes(3));

        var response = api.patch("/users/" + id, "{\"first_name\":\"Anna\",\"is_active\":false}");

        assertThat(response.status()).isEqualTo(200);
        User after = state.findUser(id).orElseThrow();
        assertThat(after).isEqualTo(new User(id, null, "ann@example.com", "Anna", "Berg", false, "en",
                before.departmentIds(), before.permissionTypeIds(), null, START, START.plusSeconds(180)));
        assertThat(response.data().get("updated_at").stringValue()).isEqualTo("2025-03-01T09:03:00Z");
        assertThat(response.data().get("created_at").stringValue()).isEqualTo("2025-03-01T09:00:00Z");
    }

    @Test
    void aPatchThatChangesNothingKeepsUpdatedAt() {
        String id = seedUser("ann@example.com", sales);
        clock.advance(Duration.ofMinutes(3));

        var response = api.patch("/users/" + id, "{\"first_name\":\"Ann\",\"department_ids\":[\"" + sales + "\"]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("updated_at").stringValue()).isEqualTo("2025-03-01T09:00:00Z");
    }

    @Test
    void patchedArraysReplaceTheWholeSet() {
        String auditor = state.seedPermissionType("Auditor");
        String manager = typeId(state, "Manager");
        String id = state.seedUser(NewUser.of(null, "ann@example.com", "Ann", "Berg", List.of(sales, support))
                .withPermissionTypeIds(List.of(typeId(state, "User"), manager)));

        api.patch("/users/" + id, """
                {"department_ids":["%s"],"permission_type_ids":["%s"]}""".formatted(top(), auditor));

        User after = state.findUser(id).orElseThrow();
        assertThat(after.departmentIds()).containsExactly(top());
        assertThat(after.permissionTypeIds()).containsExactly(auditor);
        assertThat(api.get("/users?department_id=" + sales).data().size()).isZero();
        assertThat(api.get("/users?department_id=" + top()).data().size()).isEqualTo(1);
    }

    @Test
    void aNullExternalIdClearsItAndFreesIt() {
        String ann = state.seedUser(NewUser.of("z-1", "ann@example.com", "Ann", "Berg", List.of(sales)));

        var cleared = api.patch("/users/" + ann, "{\"external_id\":null}");
        var reused = api.post("/users", withField("bo@example.com", "\"external_id\":\"z-1\""));

        assertThat(cleared.data().get("external_id").isNull()).isTrue();
        assertThat(reused.status()).isEqualTo(201);
        assertThat(state.findUserByExternalId("z-1").orElseThrow().email()).isEqualTo("bo@example.com");
    }

    @Test
    void aJobProfileCanBeSetAndCleared() {
        String chef = state.seedJobProfile("Chef", false);
        String id = seedUser("ann@example.com", sales);

        assertThat(api.patch("/users/" + id, "{\"job_profile_id\":\"" + chef + "\"}").data().get("job_profile_id").stringValue())
                .isEqualTo(chef);
        assertThat(api.patch("/users/" + id, "{\"job_profile_id\":null}").data().get("job_profile_id").isNull()).isTrue();
    }

    @ParameterizedTest(name = "create with {0}")
    @CsvSource(delimiter = '|', textBlock = """
            "email":"ANN@example.com"                       | duplicate_email
            "email":"bo@example.com","external_id":"z-1"    | duplicate_external_id
            """)
    void aCreateMayNotTakeAnotherUsersEmailOrExternalId(String fields, String code) {
        state.seedUser(NewUser.of("z-1", "ann@example.com", "Ann", "Berg", List.of(sales)));

        var response = api.post("/users", "{" + fields + ",\"first_name\":\"X\",\"last_name\":\"Y\",\"department_ids\":[\"" + sales + "\"]}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(state.userCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "patch {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"email":"Ann@Example.com"}  | 409 | duplicate_email
            {"external_id":"z-1"}        | 409 | duplicate_external_id
            {"email":"BO@example.com"}   | 200 |
            {"external_id":"z-2"}        | 200 |
            """)
    void aPatchMayNotTakeAnotherUsersEmailOrExternalIdButKeepsItsOwn(String json, int status, String code) {
        state.seedUser(NewUser.of("z-1", "ann@example.com", "Ann", "Berg", List.of(sales)));
        String bo = state.seedUser(NewUser.of("z-2", "bo@example.com", "Bo", "Ek", List.of(sales)));

        var response = api.patch("/users/" + bo, json);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(state.findUser(bo).orElseThrow().externalId()).isEqualTo("z-2");
        assertThat(state.findUserByEmail("bo@example.com")).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            external_id=z-2                      | u-2
            external_id=Z-2                      |
            email=BO%40EXAMPLE.COM               | u-2
            email=bo@example.com                 | u-2
            department_id=SUPPORT                | u-2,u-3
            department_id=d-999                  |
            is_active=true                       | u-1,u-2
            is_active=false                      | u-3
            department_id=SUPPORT&is_active=true | u-2
            email=cy@example.com&is_active=true  |
            ''                                   | u-1,u-2,u-3
            """)
    void filtersUsers(String query, String expectedIds) {
        state.seedUser(NewUser.of("z-1", "ann@example.com", "Ann", "Berg", List.of(sales)));
        state.seedUser(NewUser.of("z-2", "bo@example.com", "Bo", "Ek", List.of(sales, support)));
        state.seedUser(NewUser.of(null, "cy@example.com", "Cy", "Lund", List.of(support)).withActive(false));

        JsonNode body = api.get("/users?" + query.replace("SUPPORT", support)).json();

        List<String> expected = expectedIds == null ? List.of() : List.of(expectedIds.split(","));
        assertThat(DepartmentTest.ids(body.get("data"))).containsExactlyElementsOf(expected);
        assertThat(body.get("meta").get("total").asInt()).isEqualTo(expected.size());
    }

    @Test
    void anIsActiveFilterMustBeABoolean() {
        var response = api.get("/users?is_active=yes");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("bad_request");
    }

    @Test
    void deletesAUserAndFreesItsEmail() {
        String id = seedUser("ann@example.com", sales);

        var response = api.delete("/users/" + id);

        assertThat(response.status()).isEqualTo(204);
        assertThat(api.get("/users/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/departments/" + sales).status()).isEqualTo(204);
        assertThat(api.post("/users", withField("ANN@example.com", "\"department_ids\":[\"" + support + "\"]")).status())
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | u-99   |
            GET    | u-01   |
            GET    | u-+1   |
            GET    | x      |
            PATCH  | u-99   | {"first_name":"X"}
            DELETE | u-99   |
            POST   | u-99/login-links |
            """)
    void anUnknownUserIsNotFound(String method, String id, String json) {
        seedUser("ann@example.com", sales);

        var response = api.send(method, "/users/" + id, json);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    private String minimal(String email) {
        return withField(email, "\"department_ids\":[\"" + sales + "\"]");
    }

    /** A valid create body with {@code extra} fields; a department is added unless {@code extra} names one. */
    private String withField(String email, String extra) {
        String departments = extra.contains("department_ids") ? "" : ",\"department_ids\":[\"" + sales + "\"]";
        return "{\"email\":\"" + email + "\",\"first_name\":\"Ann\",\"last_name\":\"Berg\"," + extra + departments + "}";
    }
}
