package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.Department;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.learningbank.NewUser;
import io.ziiklb.simulator.learningbank.WriteJournal;
import io.ziiklb.simulator.ziik.Membership;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules U1-U6: Ziik units to Learningbank departments, each rule pinned by the test named after it. */
class UnitRulesIT {

    /** Every department as {@code name -> parent's name} (the top's parent is null, shown as "-"). */
    private static Map<String, String> tree(LearningbankState lb) {
        return lb.departments().stream().collect(Collectors.toMap(Department::name,
                d -> d.parentId() == null ? "-" : lb.findDepartment(d.parentId()).orElseThrow().name()));
    }

    @Test
    void U1_theTopUnitIsTheTopDepartmentAndRenamingItWritesNothing() {
        try (RuleFixture f = new RuleFixture(1)) {
            int ann = f.user("Ann", "ann@example.com");
            f.org.createUnit("Kitchen", f.org.topUnitId());
            f.sync();
            assertThat(f.lbUser(ann).departmentIds()).as("the top unit's users are in the top department")
                    .containsExactly(f.lb.topDepartmentId());
            assertThat(f.h.links.department(f.org.topUnitId())).as("linked to the top department").contains(f.lb.topDepartmentId());

            f.org.renameUnit(f.org.topUnitId(), "Acme Holding");
            f.sync();

            assertThat(f.writes()).as("a renamed top unit renames nothing: %s", f.journal()).isZero();
            assertThat(f.lb.findDepartment(f.lb.topDepartmentId()).orElseThrow().name()).isEqualTo(LearningbankState.TOP_DEPARTMENT_NAME);
            assertThat(f.problems()).isEmpty();
        }
    }

    @Test
    void U2_theUnitTreeIsRecreatedOneToOneAndZiikDepartmentsAreNotUnits() {
        try (RuleFixture f = new RuleFixture(2)) {
            int top = f.org.topUnitId();
            int cph = f.org.createUnit("Copenhagen", top);
            int kitchen = f.org.createUnit("Kitchen", cph);
            f.org.createUnit("Pastry", kitchen);
            f.org.createUnit("Aarhus", top);
            f.org.createDepartment("Night shift", cph); // unit_type "department": not mirrored

            f.sync();

            assertThat(tree(f.lb)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "Acme", "-", "Copenhagen", "Acme", "Kitchen", "Copenhagen", "Pastry", "Kitchen", "Aarhus", "Acme"));
            assertThat(f.h.links.department(kitchen)).contains(f.departmentId("Kitchen"));
            assertThat(f.h.links.snapshot().units()).as("the top unit and the four units, no Ziik department")
                    .hasSize(5).containsKeys((long) top, (long) cph, (long) kitchen);
            f.assertSettled();
        }
    }

    @Test
    void U3_uniqueUnitsNamesDepartmentsWithTheUnitIdAndTogglingRenamesThem() {
        try (RuleFixture f = new RuleFixture(3)) {
            int cph = f.org.createUnit("Copenhagen", f.org.topUnitId());
            int kitchen = f.org.createUnit("Kitchen", cph);
            f.sync();
            assertThat(tree(f.lb)).containsExactlyInAnyOrderEntriesOf(Map.of("Acme", "-", "Copenhagen", "Acme", "Kitchen", "Copenhagen"));
            String kitchenId = f.departmentId("Kitchen");

            f.h.settings = f.h.settings.withUniqueUnits(true);
            f.sync();
            assertThat(tree(f.lb)).containsExactlyInAnyOrderEntriesOf(Map.of("Acme", "-",
                    "Copenhagen (" + cph + ")", "Acme", "Kitchen (" + kitchen + ")", "Copenhagen (" + cph + ")"));
            assertThat(f.departmentId("Kitchen (" + kitchen + ")")).as("renamed, not made anew").isEqualTo(kitchenId);
            assertThat(f.h.learningbank.requestLog().count("PATCH", "/api/v1/departments/{id}")).isEqualTo(2);
            assertThat(f.h.learningbank.requestLog().count("POST", "/api/v1/departments")).isZero();

            f.h.settings = f.h.settings.withUniqueUnits(false);
            f.sync();
            assertThat(tree(f.lb)).containsExactlyInAnyOrderEntriesOf(Map.of("Acme", "-", "Copenhagen", "Acme", "Kitchen", "Copenhagen"));
            f.assertSettled();
        }
    }

    @Test
    void U4_aRenamedUnitRenamesAndAMovedUnitMovesItsDepartment() {
        try (RuleFixture f = new RuleFixture(4)) {
            int cph = f.org.createUnit("Copenhagen", f.org.topUnitId());
            int aarhus = f.org.createUnit("Aarhus", f.org.topUnitId());
            int kitchen = f.org.createUnit("Kitchen", cph);
            f.org.createUnit("Pastry", kitchen);
            int ann = f.user("Ann", "ann@example.com", Membership.of(kitchen));
            f.sync();
            String kitchenId = f.departmentId("Kitchen");

            f.org.renameUnit(kitchen, "Main kitchen");
            f.org.moveUnit(kitchen, aarhus);
            f.sync();

            assertThat(tree(f.lb)).containsExactlyInAnyOrderEntriesOf(Map.of("Acme", "-", "Copenhagen", "Acme",
                    "Aarhus", "Acme", "Main kitchen", "Aarhus", "Pastry", "Main kitchen"));
            assertThat(f.departmentId("Main kitchen")).isEqualTo(kitchenId);
            assertThat(f.lbUser(ann).departmentIds()).containsExactly(kitchenId);
            assertThat(f.journal()).as("one PATCH of the kitchen's name and parent, nothing else")
                    .containsExactly(new WriteJournal.Call("PATCH", "/api/v1/departments/{id}", "/api/v1/departments/" + kitchenId,
                            "{\"name\":\"Main kitchen\",\"parent_id\":\"" + f.departmentId("Aarhus") + "\"}", 200));
            f.assertSettled();
        }
    }

    @Test
    void U5_aDeletedUnitsDepartmentGoesAfterItsUsersAndChildren_andABlockedDeleteIsReportedAndRetried() {
        try (RuleFixture f = new RuleFixture(5)) {
            int cph = f.org.createUnit("Copenhagen", f.org.topUnitId());
            int kitchen = f.org.createUnit("Kitchen", cph);
            int aarhus = f.org.createUnit("Aarhus", f.org.topUnitId());
            int bar = f.org.createUnit("Bar", f.org.topUnitId());
            int ann = f.user("Ann", "ann@example.com", Membership.of(kitchen));
            f.sync();
            String barId = f.departmentId("Bar");
            String local = f.lb.seedUser(NewUser.of(null, "local@example.com", "Lo", "Cal", List.of(barId)));

            f.org.replaceMembership(ann, 0, Membership.of(aarhus));
            f.org.deleteUnit(kitchen);
            f.org.deleteUnit(cph);
            f.org.deleteUnit(bar);
            f.sync();

            assertThat(tree(f.lb)).containsExactlyInAnyOrderEntriesOf(Map.of("Acme", "-", "Aarhus", "Acme", "Bar", "Acme"));
            assertThat(f.lbUser(ann).departmentIds()).containsExactly(f.departmentId("Aarhus"));
            assertThat(f.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("delete_blocked");
                assertThat(p.ziikId()).isEqualTo(bar);
                assertThat(p.message()).contains("Bar").contains("users or departments that ziiklb does not manage");
            });
            assertThat(f.h.links.department(bar)).as("still linked, so it is tried again").contains(barId);

            f.sync();
            assertThat(f.h.learningbank.requestLog().count("DELETE", "/api/v1/departments/{id}")).as("tried again").isEqualTo(1);
            assertThat(f.lb.findDepartment(barId)).isPresent();

            f.h.learningbankClient().updateUser(local, io.ziiklb.learningbank.LbUserChange.none()
                    .withDepartmentIds(List.of(f.lb.topDepartmentId())));
            f.sync();
            assertThat(f.lb.findDepartment(barId)).as("deleted once Learningbank lets it go").isEmpty();
            assertThat(f.problems()).isEmpty();
            f.assertSettled();
        }
    }

    @Test
    void U6_aNameTakenByAnUnlinkedDepartmentIsAConflictAndItsUsersGoToTheNearestLinkedAncestor() {
        try (RuleFixture f = new RuleFixture(6)) {
            String theirs = f.lb.seedDepartment("Kitchen", null);
            int cph = f.org.createUnit("Copenhagen", f.org.topUnitId());
            int kitchen = f.org.createUnit("Kitchen", cph);
            int pastry = f.org.createUnit("Pastry", kitchen);
            int ann = f.user("Ann", "ann@example.com", Membership.of(kitchen));
            int bob = f.user("Bob", "bob@example.com", Membership.of(pastry));

            f.sync();

            assertThat(f.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("name_conflict");
                assertThat(p.ziikId()).isEqualTo(kitchen);
                assertThat(p.message()).contains("unique units");
            });
            assertThat(f.h.links.department(kitchen)).as("not adopted by name").isEmpty();
            assertThat(f.lb.findDepartment(theirs).orElseThrow().parentId()).as("theirs is left alone").isEqualTo(f.lb.topDepartmentId());
            assertThat(f.lbUser(ann).departmentIds()).containsExactly(f.departmentId("Copenhagen"));
            assertThat(f.departmentId("Pastry")).isNotNull();
            assertThat(f.lbUser(bob).departmentIds()).containsExactly(f.departmentId("Pastry"));
            assertThat(f.lb.findDepartment(f.departmentId("Pastry")).orElseThrow().parentId())
                    .as("a child of the conflicted unit hangs under its nearest linked ancestor").isEqualTo(f.departmentId("Copenhagen"));
            assertThat(f.lb.findUserByEmail("ann@example.com").orElseThrow().departmentIds()).doesNotContain(theirs);

            f.h.settings = f.h.settings.withUniqueUnits(true);
            f.sync();
            assertThat(f.problems()).as("unique units resolves it").isEmpty();
            assertThat(f.lbUser(ann).departmentIds()).containsExactly(f.departmentId("Kitchen (" + kitchen + ")"));
        }
    }
}
