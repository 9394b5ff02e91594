package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the API reads answer after control changes: roles, users, memberships, units. */
class ReadApiTest {
    private ZiikSimulator sim;
    private ZiikOrganisation org;
    private ApiClient client;
    private String token;
    private int kitchen;
    private int chef;
    private int waiter;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        org = sim.organisation();
        client = new ApiClient(sim);
        token = client.login();
        int site = org.createUnit("Harbour", org.topUnitId());
        kitchen = org.createUnit("Kitchen", site);
        chef = org.createRole("Chef");
        waiter = org.createRole("Waiter");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void usertypesWithoutAllListOnlyTheAdminAccountsOwnRoles() {
        assertThat(names(get("/usertypes?all=1").get("data"))).containsExactly("Administrator", "Chef", "Waiter");
        assertThat(names(get("/usertypes").get("data"))).containsExactly("Administrator");
    }

    @Test
    void renamedAndDeletedRolesShowInUsertypesAndLeaveMemberships() {
        int user = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen, chef, waiter)));
        org.renameRole(chef, "Head Chef");
        org.deleteRole(waiter);

        assertThat(names(get("/usertypes?all=1").get("data"))).containsExactly("Administrator", "Head Chef");
        assertThat(names(get("/users/" + user).at("/data/userTypes"))).containsExactly("Head Chef");
    }

    @Test
    void deactivatedUsersMoveToTheInactiveListAndBack() {
        int user = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen, chef)));

        org.deactivateUser(user);
        assertThat(ids(get("/users?inactive=1"))).containsExactly(user);
        assertThat(ids(get("/users"))).containsExactly(org.adminUserId());
        assertThat(get("/users/" + user).at("/data/active").booleanValue()).isFalse();

        org.reactivateUser(user);
        assertThat(ids(get("/users?inactive=true"))).isEmpty();
        assertThat(ids(get("/users"))).containsExactly(org.adminUserId(), user);
    }

    @Test
    void aDeletedUserIsGoneFromBothListsAndAnswers410WhileAnUnknownIdAnswers404() {
        int user = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen, chef)));
        org.deactivateUser(user);
        org.deleteUser(user);

        assertThat(ids(get("/users"))).doesNotContain(user);
        assertThat(ids(get("/users?inactive=1"))).doesNotContain(user);
        assertThat(client.get("/users/" + user, token).status()).isEqualTo(410);
        assertThat(client.get("/users/" + user + "/units", token).status()).isEqualTo(410);
        assertThat(client.get("/users/9999", token).status()).isEqualTo(404);
        assertThat(client.get("/users/abc", token).status()).isEqualTo(404);
    }

    @Test
    void singleUserCarriesEmailLanguageAndTheFirstMembershipsRoles() {
        int user = org.createUser(new NewUser("Þóra", "Jónsdóttir", "Thora@Example.com", "is", "Cook",
                Membership.of(kitchen, waiter, chef)));
        org.addMembership(user, Membership.of(org.topUnitId(), chef));

        JsonNode data = get("/users/" + user).get("data");
        assertThat(data.get("name").stringValue()).isEqualTo("Þóra Jónsdóttir");
        assertThat(data.get("email").stringValue()).isEqualTo("Thora@Example.com");
        assertThat(data.at("/settings/language").stringValue()).isEqualTo("is");
        assertThat(data.get("admin").booleanValue()).isFalse();
        assertThat(names(data.get("userTypes"))).containsExactly("Waiter", "Chef");
        assertThat(data.at("/unit/id").intValue()).isEqualTo(kitchen);
    }

    @Test
    void membershipsKeepTheOrderTheyWereAddedIn() {
        int bar = org.createUnit("Bar", org.topUnitId());
        int floor = org.createUnit("Floor", org.topUnitId());
        int department = org.createDepartment("Delivery", bar);
        int user = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(floor, waiter)));
        org.addMembership(user, Membership.of(kitchen, chef));
        org.addMembership(user, Membership.of(bar, waiter).inDepartment(department));
        org.replaceMembership(user, 1, Membership.of(kitchen, chef, waiter));
        org.removeMembership(user, 0);

        JsonNode memberships = get("/users/" + user + "/units").get("data");

        assertThat(memberships).hasSize(2);
        assertThat(memberships.get(0).at("/unit/id").intValue()).isEqualTo(kitchen);
        assertThat(memberships.get(0).get("department").isNull()).isTrue();
        assertThat(names(memberships.get(0).get("userTypes"))).containsExactly("Chef", "Waiter");
        assertThat(memberships.get(1).at("/unit/id").intValue()).isEqualTo(bar);
        assertThat(memberships.get(1).at("/department/id").intValue()).isEqualTo(department);
        assertThat(memberships.get(1).at("/department/unit_type").stringValue()).isEqualTo("department");
        assertThat(get("/users/" + user).at("/data/unit/id").intValue()).isEqualTo(kitchen);
    }

    @Test
    void currentUserIsTheAdminAccountWithItsMemberUnits() {
        JsonNode data = get("/users/current").get("data");

        assertThat(data.get("id").intValue()).isEqualTo(org.adminUserId());
        assertThat(data.get("email").stringValue()).isEqualTo("integration@ziik.test");
        assertThat(data.get("admin").booleanValue()).isTrue();
        assertThat(data.at("/memberUnits/0/unit/id").intValue()).isEqualTo(org.topUnitId());
        assertThat(ids(get("/users"))).contains(org.adminUserId());
    }

    @Test
    void unitsAnswerLevelsParentsAndStatsAndUnknownOrDeletedUnitsAre404() {
        int popup = org.createUnit("Popup", kitchen);
        org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen, chef)));

        JsonNode unit = get("/units/" + kitchen).get("data");
        assertThat(unit.get("level").intValue()).isEqualTo(2);
        assertThat(unit.get("parent_id").intValue()).isEqualTo(unit.at("/parent/id").intValue());
        assertThat(unit.at("/parent/name").stringValue()).isEqualTo("Harbour");
        assertThat(unit.at("/stats/users").intValue()).isEqualTo(1);
        assertThat(unit.at("/stats/children").intValue()).isEqualTo(1);
        JsonNode top = get("/units/" + org.topUnitId()).get("data");
        assertThat(top.get("parent").isNull()).isTrue();
        assertThat(top.get("level").intValue()).isZero();

        org.deleteUnit(popup);
        assertThat(client.get("/units/" + popup, token).status()).isEqualTo(404);
        assertThat(client.get("/units/424242", token).status()).isEqualTo(404);
    }

    @Test
    void theNestedTreeStartsUnderTheTopUnitAndTheFlatTreeWithIt() {
        int harbour = get("/units/" + kitchen).at("/data/parent_id").intValue();
        org.createUnit("Bar", harbour);
        org.moveUnit(kitchen, org.topUnitId());

        JsonNode nested = get("/units/tree?all=true").get("data");
        assertThat(names(nested)).containsExactly("Harbour", "Kitchen");
        assertThat(names(nested.get(0).get("children"))).containsExactly("Bar");
        assertThat(nested.get(1).get("level").intValue()).isEqualTo(1);

        JsonNode flat = get("/units/tree?all=true&flatten=true").get("data");
        assertThat(names(flat)).containsExactly("HQ", "Harbour", "Bar", "Kitchen");
    }

    private JsonNode get(String path) {
        ApiClient.Answer answer = client.get(path, token);
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<Integer> ids(JsonNode page) {
        List<Integer> ids = new ArrayList<>();
        page.get("data").forEach(row -> ids.add(row.get("id").intValue()));
        return ids;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(row -> names.add(row.get("name").stringValue()));
        return names;
    }
}
