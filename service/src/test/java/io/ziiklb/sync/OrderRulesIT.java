package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.learningbank.WriteJournal;
import io.ziiklb.simulator.ziik.Membership;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Rules O1-O3: order and safety. Orders are read from the Learningbank simulator's write journal;
 * lost responses are the simulator's precise switch, losing exactly the one call named.
 */
class OrderRulesIT {
    private static final String USERS = "/api/v1/users";
    private static final String DEPARTMENTS = "/api/v1/departments";
    private static final String TYPES = "/api/v1/permission-types";

    private static Predicate<WriteJournal.Call> call(String method, String route, String bodyPart) {
        return c -> c.is(method, route) && c.body().contains(bodyPart);
    }

    @Test
    void O1_typesBeforeTheUsersThatReferToThem_parentsBeforeChildren() {
        try (RuleFixture f = new RuleFixture(41)) {
            int top = f.org.topUnitId();
            List<Integer> roles = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                roles.add(f.org.createRole("Role " + r));
            }
            int cph = f.org.createUnit("Copenhagen", top);
            int kitchen = f.org.createUnit("Kitchen", cph);
            int pastry = f.org.createUnit("Pastry", kitchen);
            List<Integer> units = List.of(top, cph, kitchen, pastry);
            for (int i = 0; i < 24; i++) { // many, so that an order left to chance would show
                f.user("P" + i, "p" + i + "@example.com", Membership.of(units.get(i % 4), roles.get(i % 4)));
            }

            f.sync();

            assertThat(f.problems()).isEmpty();
            int cphMade = f.indexOf(call("POST", DEPARTMENTS, "\"Copenhagen\""));
            int kitchenMade = f.indexOf(call("POST", DEPARTMENTS, "\"Kitchen\""));
            int pastryMade = f.indexOf(call("POST", DEPARTMENTS, "\"Pastry\""));
            assertThat(List.of(cphMade, kitchenMade, pastryMade)).as("parents before children: %s", f.journal())
                    .isSorted().doesNotHaveDuplicates().doesNotContain(-1);
            assertThat(RuleFixture.json(f.journal().get(pastryMade).body()).path("parent_id").asString())
                    .isEqualTo(f.departmentId("Kitchen"));
            List<Integer> departmentMade = List.of(-1, cphMade, kitchenMade, pastryMade); // the top department exists
            for (int i = 0; i < 24; i++) {
                int userMade = f.indexOf(call("POST", USERS, "\"p" + i + "@example.com\""));
                int typeMade = f.indexOf(call("POST", TYPES, "\"Role " + (i % 4) + "\""));
                assertThat(userMade).as("user p%d after its type and its department: %s", i, f.journal())
                        .isGreaterThan(typeMade).isGreaterThan(departmentMade.get(i % 4));
                assertThat(typeMade).isNotNegative();
            }
            assertThat(f.lb.users()).filteredOn(u -> u.email().endsWith("@example.com"))
                    .allSatisfy(u -> assertThat(u.permissionTypeIds()).hasSize(1)).hasSize(24);
        }
    }

    @Test
    void O1_usersMovedBeforeTheirDepartmentIsDeleted_childrenBeforeParents() {
        try (RuleFixture f = new RuleFixture(42)) {
            int top = f.org.topUnitId();
            int cph = f.org.createUnit("Copenhagen", top);
            int kitchen = f.org.createUnit("Kitchen", cph);
            int pastry = f.org.createUnit("Pastry", kitchen);
            int aarhus = f.org.createUnit("Aarhus", top);
            List<Integer> people = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                people.add(f.user("P" + i, "p" + i + "@example.com", Membership.of(List.of(cph, kitchen, pastry).get(i % 3))));
            }
            f.sync();
            String pastryId = f.departmentId("Pastry");
            String kitchenId = f.departmentId("Kitchen");
            String cphId = f.departmentId("Copenhagen");

            people.forEach(p -> f.org.replaceMembership(p, 0, Membership.of(aarhus)));
            f.org.deleteUnit(pastry);
            f.org.deleteUnit(kitchen);
            f.org.deleteUnit(cph);
            f.sync();

            assertThat(f.problems()).isEmpty();
            int pastryGone = f.indexOf(c -> c.is("DELETE", DEPARTMENTS + "/{id}") && c.path().endsWith("/" + pastryId));
            int kitchenGone = f.indexOf(c -> c.is("DELETE", DEPARTMENTS + "/{id}") && c.path().endsWith("/" + kitchenId));
            int cphGone = f.indexOf(c -> c.is("DELETE", DEPARTMENTS + "/{id}") && c.path().endsWith("/" + cphId));
            assertThat(List.of(pastryGone, kitchenGone, cphGone)).as("children, then parents: %s", f.journal())
                    .isSorted().doesNotHaveDuplicates().doesNotContain(-1);
            // each user is moved out before the department they were in is deleted; moves of users of
            // other departments run alongside (they wait for nothing), so they may come later
            List<Integer> deletes = List.of(cphGone, kitchenGone, pastryGone);
            for (int i = 0; i < people.size(); i++) {
                String userId = f.lb.findUserByExternalId("ziik:" + people.get(i)).orElseThrow().id();
                int moved = f.indexOf(c -> c.is("PATCH", USERS + "/{id}") && c.path().endsWith("/" + userId));
                assertThat(moved).as("P%d moved before their department went: %s", i, f.journal())
                        .isNotNegative().isLessThan(deletes.get(i % 3));
            }
            assertThat(f.journal()).extracting(WriteJournal.Call::status).as("Learningbank refused nothing").allMatch(s -> s < 300);
        }
    }

    @Test
    void O2_aLostUserCreateIsLookedUpByExternalIdAndLinked_noDuplicate() {
        try (RuleFixture f = new RuleFixture(43)) {
            int ann = f.user("Ann", "ann@example.com");
            int bob = f.user("Bob", "bob@example.com");
            f.h.learningbank.lostResponses().loseNext("POST", USERS, body -> body.contains("ann@example.com"));

            f.sync();

            assertThat(f.h.learningbank.lostResponses().pending()).as("the loss happened").isZero();
            assertThat(f.h.learningbank.journal().calls("POST", USERS)).filteredOn(c -> c.body().contains("ann@example.com"))
                    .as("looked up after the lost answer, not sent again").extracting(WriteJournal.Call::status).containsExactly(500);
            assertThat(f.lb.users()).filteredOn(u -> ("ziik:" + ann).equals(u.externalId())).hasSize(1);
            assertThat(f.h.links.user(ann)).contains(f.lbUser(ann).id());
            assertThat(f.h.links.user(bob)).contains(f.lbUser(bob).id());
            assertThat(f.problems()).isEmpty();
            f.assertSettled();
        }
    }

    @Test
    void O2_aLostPermissionTypeCreateIsLookedUpByNameAndLinked_noDuplicate() {
        try (RuleFixture f = new RuleFixture(44)) {
            int chef = f.org.createRole("Chef");
            int ann = f.user("Ann", "ann@example.com", Membership.of(f.org.topUnitId(), chef));
            f.h.learningbank.lostResponses().loseNext("POST", TYPES, body -> body.contains("\"Chef\""));

            f.sync();

            assertThat(f.h.learningbank.lostResponses().pending()).isZero();
            assertThat(f.h.learningbank.journal().calls("POST", TYPES)).filteredOn(c -> c.body().contains("\"Chef\""))
                    .extracting(WriteJournal.Call::status).containsExactly(500);
            assertThat(f.lb.permissionTypes()).filteredOn(t -> t.name().equals("Chef")).hasSize(1);
            String chefType = f.typeId("Chef");
            assertThat(f.h.links.permissionType(chef)).contains(new Links.RoleLink(chefType, false));
            assertThat(f.lbUser(ann).permissionTypeIds()).containsExactly(chefType);
            assertThat(f.problems()).isEmpty();
            f.assertSettled();
        }
    }

    @Test
    void O2_aLostDepartmentCreateIsLookedUpByNameAndLinked_noDuplicateNoConflict() {
        try (RuleFixture f = new RuleFixture(45)) {
            int kitchen = f.org.createUnit("Kitchen", f.org.topUnitId());
            int ann = f.user("Ann", "ann@example.com", Membership.of(kitchen));
            f.h.learningbank.lostResponses().loseNext("POST", DEPARTMENTS, body -> body.contains("\"Kitchen\""));

            f.sync();

            assertThat(f.h.learningbank.lostResponses().pending()).isZero();
            assertThat(f.h.learningbank.journal().calls("POST", DEPARTMENTS)).extracting(WriteJournal.Call::status).containsExactly(500);
            assertThat(f.lb.departments()).filteredOn(d -> d.name().equals("Kitchen")).hasSize(1);
            assertThat(f.h.links.department(kitchen)).contains(f.departmentId("Kitchen"));
            assertThat(f.lbUser(ann).departmentIds()).containsExactly(f.departmentId("Kitchen"));
            assertThat(f.problems()).as("not taken for a name conflict").isEmpty();
            f.assertSettled();
        }
    }

    @Test
    void O3_oneRefusedUserIsRecordedAgainstItAndTheRestSync() {
        try (RuleFixture f = new RuleFixture(46)) {
            int ann = f.user("Ann", "ann@example.com");
            int bob = f.user("Bob", "bob@localhost"); // Ziik takes it; Learningbank answers 422
            int cid = f.user("Cid", "cid@example.com");

            f.sync();

            assertThat(f.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ObjectKind.USER);
                assertThat(p.ziikId()).isEqualTo(bob);
                assertThat(p.code()).isEqualTo("validation_failed");
                assertThat(p.message()).contains("email");
            });
            assertThat(f.h.learningbank.journal().calls("POST", USERS)).filteredOn(c -> c.status() == 422)
                    .singleElement().satisfies(c -> assertThat(c.body()).contains("bob@localhost"));
            assertThat(f.lb.users()).extracting(User::email)
                    .containsExactlyInAnyOrder("ann@example.com", "cid@example.com", f.h.ziik.config().adminEmail());
            assertThat(f.h.links.user(ann)).isPresent();
            assertThat(f.h.links.user(cid)).isPresent();
            assertThat(f.h.links.user(bob)).isEmpty();
            assertThat(f.last.report().aborted()).isFalse();
        }
    }
}
