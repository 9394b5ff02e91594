package io.ziiklb.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit in a name conflict (rule U6: a department of that name exists and is not ziiklb's) stays
 * unlinked until the admin turns unique units on. Its users go to the nearest linked ancestor's
 * department, live as in a full synchronisation; and once a tree reconcile has found the conflict,
 * a change to another of its users does not read the whole tree again to find it once more. When
 * that nearest linked ancestor changes (the unit moves) or the conflict is resolved, the unit's
 * members follow through the unit's webhook alone (rule L3), though Ziik says nothing about them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + NameConflictLiveIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:nameconflict;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class NameConflictLiveIT {
    static final String TOKEN = "operator-token-for-name-conflict-tests";
    private static final String DEPARTMENTS = "/api/v1/departments";
    private final ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
    private final LearningbankSimulator learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());

    @LocalServerPort
    int port;

    @AfterEach
    void stop() {
        ziik.close();
        learningbank.close();
    }

    @Test
    void usersOfAConflictedUnitGoToItsParentAndTheTreeIsNotReadForEachOfThem() throws Exception {
        ZiikOrganisation org = ziik.organisation();
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        String theirKitchen = learningbank.state().seedDepartment("Kitchen", null); // someone else's department
        AdminApiClient api = AdminApiClient.onPort(port, TOKEN);
        String id = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of())).json().path("id").asString();
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/integrations/" + id + "/syncs/" + syncId).json()
                .path("status").asString().equals("done"));
        assertThat(api.get("/api/v1/integrations/" + id).json().path("problems").toString())
                .contains("name_conflict").contains(String.valueOf(kitchen));
        String top = learningbank.state().topDepartmentId();

        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
        await().atMost(Duration.ofSeconds(20)).until(() -> learningbank.state().findUserByExternalId("ziik:" + ann).isPresent());
        assertThat(learningbank.state().findUserByExternalId("ziik:" + ann).orElseThrow().departmentIds())
                .as("the nearest linked ancestor's department, not theirs").containsExactly(top);

        learningbank.requestLog().reset();
        int bob = org.createUser(NewUser.of("Bob", "Dahl", "bob@example.com", Membership.of(kitchen)));
        await().atMost(Duration.ofSeconds(20)).until(() -> learningbank.state().findUserByExternalId("ziik:" + bob).isPresent());
        assertThat(learningbank.state().findUserByExternalId("ziik:" + bob).orElseThrow().departmentIds()).containsExactly(top);
        assertThat(learningbank.requestLog().count("GET", DEPARTMENTS)).as("the conflict is known: no tree reconcile").isZero();
        assertThat(learningbank.state().findDepartment(theirKitchen)).as("theirs untouched").isPresent();
    }

    @Test
    void U6_membersOfAConflictedUnitFollowItWhenItMoves() throws Exception {
        ZiikOrganisation org = ziik.organisation();
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        int bar = org.createUnit("Bar", org.topUnitId());
        learningbank.state().seedDepartment("Kitchen", null); // someone else's: Kitchen stays in a name conflict
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
        String top = learningbank.state().topDepartmentId();
        learningbank.state().seedUser(io.ziiklb.simulator.learningbank.NewUser.of("hr:lena",
                "lena@example.com", "Lena", "Holm", List.of(top))); // in the department Ann leaves, not ziiklb's
        synchronise();
        assertThat(departmentsOf(ann)).as("the nearest linked ancestor's, at first the top").containsExactly(top);
        String barDepartment = departmentNamed("Bar");

        learningbank.requestLog().reset();
        org.moveUnit(kitchen, bar); // one unit.update webhook, and nothing about Ann
        await().atMost(Duration.ofSeconds(20)).until(() -> departmentsOf(ann).equals(List.of(barDepartment)));
        assertThat(learningbank.requestLog().count("POST", DEPARTMENTS))
                .as("the taken name is seen in the departments read: no create is tried").isZero();
        assertThat(learningbank.requestLog().count("PATCH", "/api/v1/users/{id}")).as("Ann alone is placed anew")
                .isEqualTo(1);
        assertThat(learningbank.state().findUserByEmail("lena@example.com").orElseThrow().departmentIds()).as("users ziiklb does not manage stay")
                .containsExactly(top);
    }

    @Test
    void U6_membersMoveIntoTheirDepartmentWhenTheConflictIsResolved() throws Exception {
        ZiikOrganisation org = ziik.organisation();
        int store = org.createUnit("Store", org.topUnitId());
        int kitchen = org.createUnit("Kitchen", store);
        learningbank.state().seedDepartment("Kitchen", null);
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
        int bob = org.createUser(NewUser.of("Bob", "Dahl", "bob@example.com", Membership.of(store)));
        synchronise();
        String storeDepartment = departmentNamed("Store");
        assertThat(departmentsOf(ann)).containsExactly(storeDepartment);

        learningbank.requestLog().reset();
        org.renameUnit(kitchen, "Galley"); // the admin resolves the conflict in Ziik: one unit.update webhook
        await().atMost(Duration.ofSeconds(20)).until(() -> learningbank.state().departments().stream()
                .anyMatch(d -> d.name().equals("Galley")) && departmentsOf(ann).equals(List.of(departmentNamed("Galley"))));
        assertThat(learningbank.requestLog().count("POST", DEPARTMENTS)).as("Galley made once").isEqualTo(1);
        assertThat(learningbank.requestLog().count("PATCH", "/api/v1/users/{id}"))
                .as("Ann moved; Bob, read with her as a user of Store, needs no change").isEqualTo(1);
        assertThat(departmentsOf(bob)).containsExactly(storeDepartment);
    }

    /** The admin's first full synchronisation, through the service API, to its end. */
    private void synchronise() throws Exception {
        AdminApiClient api = AdminApiClient.onPort(port, TOKEN);
        String id = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of())).json().path("id").asString();
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/integrations/" + id + "/syncs/" + syncId).json()
                .path("status").asString().equals("done"));
    }

    private List<String> departmentsOf(int ziikUser) {
        return learningbank.state().findUserByExternalId("ziik:" + ziikUser).orElseThrow().departmentIds();
    }

    private String departmentNamed(String name) {
        return learningbank.state().departments().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow().id();
    }
}
