package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** People signing in with their own Ziik account: who may, what their token shows, and when it stops working. */
class PeopleSignInTest {
    private ZiikSimulator sim;
    private ZiikOrganisation org;
    private ApiClient client;
    private SeededPeople people;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        org = sim.organisation();
        client = new ApiClient(sim);
        people = sim.seedPeople();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void seededPeopleAreAnAdministratorAndAnEmployeeWhoCanSignIn() {
        assertThat(people.administrator().admin()).isTrue();
        assertThat(people.employee().admin()).isFalse();
        assertThat(org.isAdmin(people.administrator().id())).isTrue();
        assertThat(org.isAdmin(people.employee().id())).isFalse();
        assertThat(people.administrator().email()).isNotEqualToIgnoringCase(people.employee().email());
        assertThat(people.employee().toString()).contains(people.employee().email(), people.employee().password());

        JsonNode admin = current(client.login(people.administrator().email().toUpperCase(), people.administrator().password()));
        assertThat(admin.get("id").intValue()).isEqualTo(people.administrator().id());
        assertThat(admin.get("email").stringValue()).isEqualTo(people.administrator().email());
        assertThat(admin.get("admin").booleanValue()).isTrue();

        JsonNode employee = current(client.login(people.employee().email(), people.employee().password()));
        assertThat(employee.get("id").intValue()).isEqualTo(people.employee().id());
        assertThat(employee.get("first_name").stringValue()).isEqualTo("Erik");
        assertThat(employee.get("last_name").stringValue()).isEqualTo("Employee");
        assertThat(employee.get("active").booleanValue()).isTrue();
        assertThat(employee.get("admin").booleanValue()).isFalse();
    }

    @Test
    void aPersonsCurrentUserHasTheDocumentedShape() {
        String token = client.login(people.employee().email(), people.employee().password());
        ApiClient.Answer answer = client.get("/users/current", token);
        ShapeAssert.assertSameShape(Fixtures.read("user-current.json"), answer.json(),
                Map.of("data.birthday", "optional profile field, null in the simulator"));
        // and no fields of its own beyond the fixture's
        assertThat(answer.json().get("data").propertyNames())
                .containsExactlyInAnyOrderElementsOf(Fixtures.read("user-current.json").get("data").propertyNames());
    }

    @Test
    void seedingTwiceLeavesTheSamePeople() {
        int users = org.userIds().size();
        SeededPeople again = sim.seedPeople();
        assertThat(again).isEqualTo(people);
        assertThat(org.userIds()).hasSize(users);
    }

    @Test
    void theIntegrationAccountStillSignsInAsAnAdministrator() {
        JsonNode account = current(client.login());
        assertThat(account.get("id").intValue()).isEqualTo(org.adminUserId());
        assertThat(account.get("email").stringValue()).isEqualTo(sim.config().adminEmail());
        assertThat(account.get("admin").booleanValue()).isTrue();
        assertThat(org.isAdmin(org.adminUserId())).isTrue();
    }

    @Test
    void usersWithoutAZiikPasswordCannotSignIn() {
        int azure = org.createUser(NewUser.of("Aino", "Azure", "aino@example.com", Membership.of(org.topUnitId())));
        assertThat(org.hasPassword(azure)).isFalse();
        assertThat(authenticate("aino@example.com", "")).isEqualTo(422); // a password is required at all
        assertThat(authenticate("aino@example.com", "anything")).isEqualTo(401);

        org.setPassword(azure, "aino-secret");
        assertThat(authenticate("AINO@example.com", "aino-secret")).isEqualTo(200);
        assertThat(authenticate("aino@example.com", "AINO-SECRET")).isEqualTo(401);

        org.removePassword(azure);
        assertThat(authenticate("aino@example.com", "aino-secret")).isEqualTo(401);
    }

    @Test
    void aDeactivatedPersonCannotSignInAndTheirTokensStopWorking() {
        String token = client.login(people.employee().email(), people.employee().password());
        org.deactivateUser(people.employee().id());
        assertThat(client.get("/users/current", token).status()).isEqualTo(401);
        assertThat(client.get("/users", token).status()).isEqualTo(401);
        assertThat(client.post("/renew", null, token).status()).isEqualTo(401);
        assertThat(authenticate(people.employee().email(), people.employee().password())).isEqualTo(401);

        org.reactivateUser(people.employee().id());
        assertThat(authenticate(people.employee().email(), people.employee().password())).isEqualTo(200);
    }

    @Test
    void aDeletedPersonsTokensStopWorkingAndTheirPasswordIsGone() {
        String token = client.login(people.administrator().email(), people.administrator().password());
        assertThat(client.get("/webhooks", token).status()).isEqualTo(200);
        org.deleteUser(people.administrator().id());
        assertThat(client.get("/users/current", token).status()).isEqualTo(401);
        assertThat(client.get("/webhooks", token).status()).isEqualTo(401);
        assertThat(authenticate(people.administrator().email(), people.administrator().password())).isEqualTo(401);
        // the integration's own tokens are untouched
        assertThat(client.get("/users/current", client.login()).status()).isEqualTo(200);
    }

    @Test
    void renewingKeepsThePerson() {
        String token = client.login(people.employee().email(), people.employee().password());
        String renewed = client.post("/renew", null, token).json().get(0).get("jwt").stringValue();
        assertThat(renewed).isNotEqualTo(token);
        assertThat(current(renewed).get("id").intValue()).isEqualTo(people.employee().id());
    }

    @Test
    void administratorsRoutesRefuseOtherPeopleWith403() {
        String employee = client.login(people.employee().email(), people.employee().password());
        assertThat(client.get("/users", employee).status()).isEqualTo(200); // reads stay open
        assertThat(client.get("/webhooks", employee).status()).isEqualTo(403);
        assertThat(client.post("/webhooks", "{\"name\":\"x\",\"uri\":\"http://127.0.0.1:9/x\",\"triggers\":[\"user.update\"]}",
                employee).status()).isEqualTo(403);
        assertThat(client.get("/quicklinks", employee).status()).isEqualTo(403);

        org.setAdmin(people.employee().id(), true);
        assertThat(client.get("/webhooks", employee).status()).isEqualTo(200);
        assertThat(current(employee).get("admin").booleanValue()).isTrue();
        org.setAdmin(people.employee().id(), false);
        assertThat(client.get("/webhooks", employee).status()).isEqualTo(403);
    }

    @Test
    void aWebhookRegisteredByAPersonNamesThemAsAuthorAndOutlivesThem() {
        String admin = client.login(people.administrator().email(), people.administrator().password());
        client.post("/webhooks", "{\"name\":\"x\",\"uri\":\"http://127.0.0.1:9/x\",\"triggers\":[\"user.update\"]}", admin);
        String integration = client.login();
        assertThat(client.get("/webhooks/1", integration).json().at("/data/author/id").intValue())
                .isEqualTo(people.administrator().id());
        org.deleteUser(people.administrator().id());
        assertThat(client.get("/webhooks/1", integration).status()).isEqualTo(200);
    }

    @Test
    void passwordsAndAdminFlagsNeedAUserThatExists() {
        assertThatThrownBy(() -> org.setPassword(987, "x")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> org.setAdmin(987, true)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> org.isAdmin(987)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> org.setPassword(people.employee().id(), " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlRoutesSetPasswordsAndAdminFlags() {
        int id = org.createUser(NewUser.of("Pia", "Person", "pia@example.com", Membership.of(org.topUnitId())));
        assertThat(client.control("PUT", "/_sim/users/" + id + "/password", "{\"password\":\"pia-secret\"}").status()).isEqualTo(200);
        String token = client.login("pia@example.com", "pia-secret");
        assertThat(current(token).get("admin").booleanValue()).isFalse();

        ApiClient.Answer admin = client.control("PUT", "/_sim/users/" + id + "/admin", "{\"admin\":true}");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("admin").booleanValue()).isTrue();
        assertThat(current(token).get("admin").booleanValue()).isTrue();

        assertThat(client.control("DELETE", "/_sim/users/" + id + "/password", null).status()).isEqualTo(204);
        assertThat(authenticate("pia@example.com", "pia-secret")).isEqualTo(401);

        assertThat(client.control("PUT", "/_sim/users/987/password", "{\"password\":\"x\"}").status()).isEqualTo(404);
        assertThat(client.control("PUT", "/_sim/users/" + id + "/password", "{}").status()).isEqualTo(422);
        assertThat(client.control("PUT", "/_sim/users/" + id + "/admin", "{}").status()).isEqualTo(422);
    }

    @Test
    void controlRouteSeedsThePeople() {
        ApiClient.Answer answer = client.control("POST", "/_sim/people", null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode admin = answer.json().get("administrator");
        assertThat(admin.get("id").intValue()).isEqualTo(people.administrator().id());
        assertThat(admin.get("admin").booleanValue()).isTrue();
        JsonNode employee = answer.json().get("employee");
        assertThat(current(client.login(employee.get("email").stringValue(), employee.get("password").stringValue()))
                .get("id").intValue()).isEqualTo(people.employee().id());
    }

    private int authenticate(String email, String password) {
        return client.post("/authenticate", "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}", null).status();
    }

    private JsonNode current(String token) {
        ApiClient.Answer answer = client.get("/users/current", token);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("data");
    }
}
