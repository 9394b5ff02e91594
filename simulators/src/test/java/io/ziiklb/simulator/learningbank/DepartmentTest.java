package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class DepartmentTest extends SimulatorFixture {

    @Test
    void aNewPlatformHasExactlyOneTopDepartment() {
        JsonNode list = api.get("/departments").data();

        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("id").stringValue()).isEqualTo(top());
        assertThat(list.get(0).get("name").stringValue()).isEqualTo(LearningbankState.TOP_DEPARTMENT_NAME);
        assertThat(list.get(0).get("parent_id").isNull()).isTrue();
        assertThat(list.get(0).get("is_top").booleanValue()).isTrue();
    }

    @Test
    void createsADepartmentUnderItsParent() {
        var response = api.post("/departments", body("Sales", top()));

        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.data();
        assertThat(created.get("name").stringValue()).isEqualTo("Sales");
        assertThat(created.get("parent_id").stringValue()).isEqualTo(top());
        assertThat(created.get("is_top").booleanValue()).isFalse();
        String id = created.get("id").stringValue();
        assertThat(api.get("/departments/" + id).data()).isEqualTo(created);
        assertThat(state.findDepartment(id)).contains(new Department(id, "Sales", top(), false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"parent_id":"TOP"}                  | name
            {"name":"","parent_id":"TOP"}        | name
            {"name":"   ","parent_id":"TOP"}     | name
            {"name":null,"parent_id":"TOP"}      | name
            {"name":"Sales"}                     | parent_id
            {"name":"Sales","parent_id":null}    | parent_id
            {"name":"Sales","parent_id":"d-999"} | parent_id
            """)
    void refusesAnInvalidDepartmentNamingTheField(String json, String field) {
        var response = api.post("/departments", json.replace("TOP", top()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo("validation_failed");
        assertThat(response.fieldError(field)).isNotEmpty();
        assertThat(state.departments()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sales", "SALES", "sales", "Acme", "aCME"})
    void departmentNamesAreUniqueIgnoringCase(String name) {
        state.seedDepartment("Sales", null);

        var response = api.post("/departments", body(name, top()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("duplicate_name");
        assertThat(state.departments()).hasSize(2);
    }

    @Test
    void renamesADepartment() {
        String sales = state.seedDepartment("Sales", null);

        var response = api.patch("/departments/" + sales, "{\"name\":\"Sales & Marketing\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("name").stringValue()).isEqualTo("Sales & Marketing");
        assertThat(state.findDepartmentByName("sales & marketing")).map(Department::id).contains(sales);
        assertThat(state.findDepartmentByName("Sales")).isEmpty();
    }

    @Test
    void aDepartmentMayChangeTheCaseOfItsOwnName() {
        String sales = state.seedDepartment("Sales", null);

        var response = api.patch("/departments/" + sales, "{\"name\":\"SALES\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(state.findDepartment(sales).orElseThrow().name()).isEqualTo("SALES");
    }

    @Test
    void renamingToAnotherDepartmentsNameIsADuplicate() {
        state.seedDepartment("Sales", null);
        String support = state.seedDepartment("Support", null);

        var response = api.patch("/departments/" + support, "{\"name\":\"sales\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("duplicate_name");
        assertThat(state.findDepartment(support).orElseThrow().name()).isEqualTo("Support");
    }

    @Test
    void movesADepartment() {
        String sales = state.seedDepartment("Sales", null);
        String nordic = state.seedDepartment("Nordic", null);

        var response = api.patch("/departments/" + nordic, "{\"parent_id\":\"" + sales + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("parent_id").stringValue()).isEqualTo(sales);
        assertThat(response.data().get("name").stringValue()).isEqualTo("Nordic");
        assertThat(ids(api.get("/departments?parent_id=" + sales).data())).containsExactly(nordic);
        assertThat(ids(api.get("/departments?parent_id=" + top()).data())).containsExactly(sales);
    }

    @ParameterizedTest(name = "move A under {0}")
    @ValueSource(strings = {"A", "B", "C"})
    void aMoveThatWouldMakeACycleIsRefused(String newParent) {
        String a = state.seedDepartment("A", null);
        String b = state.seedDepartment("B", a);
        String c = state.seedDepartment("C", b);
        String target = switch (newParent) {
            case "A" -> a;
            case "B" -> b;
            default -> c;
        };

        var response = api.patch("/departments/" + a, "{\"parent_id\":\"" + target + "\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.fieldError("parent_id")).contains("cycle");
        assertThat(state.findDepartment(a).orElseThrow().parentId()).isEqualTo(top());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":""}             | name
            {"name":" "}            | name
            {"name":null}           | name
            {"parent_id":null}      | parent_id
            {"parent_id":"d-999"}   | parent_id
            """)
    void refusesAnInvalidPatchNamingTheField(String json, String field) {
        String sales = state.seedDepartment("Sales", null);

        var response = api.patch("/departments/" + sales, json);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.fieldError(field)).isNotEmpty();
        assertThat(state.findDepartment(sales)).contains(new Department(sales, "Sales", top(), false));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PATCH  | {"name":"Acme Corp"}
            PATCH  | {"name":"Acme"}
            PATCH  | {"parent_id":"OTHER"}
            DELETE |
            """)
    void theTopDepartmentIsProtected(String method, String json) {
        String other = state.seedDepartment("Other", null);

        var response = api.send(method, "/departments/" + top(), json == null ? null : json.replace("OTHER", other));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("protected");
        assertThat(state.findDepartment(top())).contains(new Department(top(), "Acme", null, true));
    }

    @Test
    void deletesAnEmptyDepartment() {
        String sales = state.seedDepartment("Sales", null);

        var response = api.delete("/departments/" + sales);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(api.get("/departments/" + sales).status()).isEqualTo(404);
        assertThat(api.post("/departments", body("Sales", top())).status()).isEqualTo(201);
    }

    @Test
    void aDepartmentWithAChildIsNotEmpty() {
        String sales = state.seedDepartment("Sales", null);
        state.seedDepartment("Nordic", sales);

        var response = api.delete("/departments/" + sales);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("department_not_empty");
        assertThat(state.findDepartment(sales)).isPresent();
    }

    @Test
    void aDepartmentWithAUserIsNotEmptyUntilTheUserLeaves() {
        String sales = state.seedDepartment("Sales", null);
        String support = state.seedDepartment("Support", null);
        String user = seedUser("ann@example.com", support, sales);

        var refused = api.delete("/departments/" + sales);
        api.patch("/users/" + user, "{\"department_ids\":[\"" + support + "\"]}");
        var accepted = api.delete("/departments/" + sales);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("department_not_empty");
        assertThat(accepted.status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    |
            PATCH  | {"name":"X"}
            DELETE |
            """)
    void anUnknownDepartmentIsNotFound(String method, String json) {
        var response = api.send(method, "/departments/d-999", json);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @ParameterizedTest(name = "name={0}")
    @CsvSource({"Nordic, 1", "NORDIC, 1", "nord, 0"})
    void filtersByNameIgnoringCase(String name, int expected) {
        state.seedDepartment("Sales", null);
        state.seedDepartment("Nordic", null);

        JsonNode body = api.get("/departments?name=" + name).json();

        assertThat(body.get("meta").get("total").asInt()).isEqualTo(expected);
        body.get("data").values().forEach(d -> assertThat(d.get("name").stringValue()).isEqualTo("Nordic"));
    }

    @Test
    void filtersByParentAndByBoth() {
        String sales = state.seedDepartment("Sales", null);
        String nordic = state.seedDepartment("Nordic", sales);
        String baltic = state.seedDepartment("Baltic", sales);

        assertThat(ids(api.get("/departments?parent_id=" + sales).data())).containsExactly(nordic, baltic);
        assertThat(ids(api.get("/departments?parent_id=" + sales + "&name=baltic").data())).containsExactly(baltic);
        assertThat(ids(api.get("/departments?parent_id=" + top() + "&name=baltic").data())).isEmpty();
        assertThat(ids(api.get("/departments?parent_id=d-999").data())).isEmpty();
    }

    private static String body(String name, String parentId) {
        return "{\"name\":\"" + name + "\",\"parent_id\":\"" + parentId + "\"}";
    }

    static List<String> ids(JsonNode array) {
        return array.values().stream().map(n -> n.get("id").stringValue()).toList();
    }
}
