package io.ziiklb.sync;

import static io.ziiklb.sync.PlannerTest.ops;
import static io.ziiklb.sync.PlannerTest.runsAfter;
import static io.ziiklb.sync.World.in;
import static io.ziiklb.sync.World.lb;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.sync.Operation.CreateDepartment;
import io.ziiklb.sync.Operation.CreateUser;
import io.ziiklb.sync.Operation.DeactivateUser;
import io.ziiklb.sync.Operation.DeleteDepartment;
import io.ziiklb.sync.Operation.UpdateUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deletion guard in a full synchronisation (rule L6), and the smaller plans between full
 * synchronisations (rule L3): the unit tree alone, and one user.
 */
class PlanScopesTest {

    /** {@code count} linked units below the top, 1000..; those from {@code firstGone} on are gone from Ziik. */
    private static World linkedUnits(int count, int gone) {
        World w = new World().linkUnit(1, "d-top");
        for (int i = 0; i < count; i++) {
            long unit = 1000 + i;
            if (i >= gone) {
                w.unit(unit, "Unit " + unit, 1);
            }
            w.department("d-" + unit, "Unit " + unit, "d-top").linkUnit(unit, "d-" + unit);
        }
        return w;
    }

    @Test
    void L6_deletingTooManyDepartmentsHoldsTheDeletionsAndTheDeactivations() {
        // 10 of 49 linked departments (more than 20%, and 10) are deleted; one user is deactivated.
        // The top department's link is not counted: 10 of 50 would not trip the guard.
        World w = linkedUnits(49, 10).person(100, "a@example.com", false, "en")
                .lbUser(lb("u-1", 100, "a@example.com", true, List.of("d-top"), List.of(), null)).linkUser(100, "u-1");
        Plan plan = w.plan();
        assertThat(plan.guardTripped()).isTrue();
        assertThat(plan.held()).extracting(Plan.Step::operation)
                .hasSize(11).contains(new DeactivateUser(100, "u-1"), new DeleteDepartment(1000, "d-1000", "Unit 1000"));
        assertThat(plan.writes()).isZero();
    }

    @Test
    void L6_onceAnAdminConfirmsTheSameDeletionsApply() {
        // the confirmation plans again with the guard off (SyncService)
        World w = linkedUnits(49, 10);
        w.settings = w.settings.withGuard(DeletionGuard.off());
        Plan plan = w.plan();
        assertThat(plan.guardTripped()).isFalse();
        assertThat(plan.held()).isEmpty();
        assertThat(ops(plan, DeleteDepartment.class)).hasSize(10);
        assertThat(plan.writes()).isEqualTo(10);
    }

    @Test
    void L6_exactlyTwentyPercentOfTheDepartmentsIsNotHeld() {
        Plan plan = linkedUnits(50, 10).plan();
        assertThat(plan.guardTripped()).isFalse();
        assertThat(plan.held()).isEmpty();
        assertThat(plan.writes()).isEqualTo(10);
    }

    @Test
    void L3_theUnitTreeAloneMovesTheUsersOfDeletedDepartmentsOutFirst() {
        // unit 2 is deleted in Ziik: 100 now in unit 3, 101 gone from Ziik too
        World w = new World().unit(3, "Bar", 1).unit(4, "New", 1)
                .department("d-2", "Kitchen", "d-top").department("d-3", "Bar", "d-top")
                .linkUnit(1, "d-top").linkUnit(2, "d-2").linkUnit(3, "d-3")
                .person(100, "a@example.com", true, "en", in(3))
                .lbUser(lb("u-100", 100, "a@example.com", true, List.of("d-2"), List.of(), null)).linkUser(100, "u-100")
                .lbUser(lb("u-101", 101, "b@example.com", true, List.of("d-2"), List.of(), null)).linkUser(101, "u-101");
        Plan plan = w.unitsPlan();
        DeleteDepartment delete = new DeleteDepartment(2, "d-2", "Kitchen");
        UpdateUser move = new UpdateUser(100, "u-100", false, UserTarget.empty().withDepartments(new Refs(List.of(), List.of(3L))));
        UpdateUser moveGone = new UpdateUser(101, "u-101", false, UserTarget.empty().withDepartments(new Refs(List.of(), List.of(1L))));
        assertThat(plan.steps()).extracting(Plan.Step::operation).containsExactly(
                new CreateDepartment(4, "New", 1), delete, move, moveGone, new DeactivateUser(101, "u-101"));
        assertThat(runsAfter(plan, delete, move)).isTrue();
        assertThat(runsAfter(plan, delete, moveGone)).isTrue();
        assertThat(plan.guardTripped()).isFalse();
    }

    @Test
    void L6_theUnitTreeAloneHoldsTooManyDepartmentDeletionsAndTheDeactivationsOfTheirUsers() {
        // 10 of 49 departments, not counting the top one (10 of 50 would not trip the guard)
        World w = linkedUnits(49, 10)
                .lbUser(lb("u-101", 101, "b@example.com", true, List.of("d-1000"), List.of(), null)).linkUser(101, "u-101");
        Plan plan = w.unitsPlan();
        assertThat(plan.guardTripped()).isTrue();
        assertThat(plan.held()).extracting(Plan.Step::operation).hasSize(11).contains(new DeactivateUser(101, "u-101"));
        assertThat(plan.writes()).isEqualTo(1); // the user is still moved out to the top department
    }

    @Test
    void L6_theUnitTreeAloneCountsOnlyTheDepartments() {
        // 10 of 50 departments is not more than 20%; that all 10 linked users are gone does not count here
        World w = linkedUnits(50, 10);
        for (int i = 0; i < 10; i++) {
            w.lbUser(lb("u-" + i, 100 + i, i + "@example.com", true, List.of("d-1000"), List.of(), null)).linkUser(100 + i, "u-" + i);
        }
        Plan plan = w.unitsPlan();
        assertThat(plan.guardTripped()).isFalse();
        assertThat(plan.held()).isEmpty();
        assertThat(ops(plan, DeactivateUser.class)).hasSize(10);
    }

    @Test
    void L3_oneUserGoesToItsUnitsLinkedDepartmentsAndTypesAndANewUnitCountsAsItsParent() {
        World w = new World().unit(2, "Kitchen", 1).unit(3, "Not linked yet", 2)
                .linkUnit(1, "d-top").linkUnit(2, "d-2").role(10, "Chef").role(11, "New").linkRole(10, "pt-chef", false)
                .person(100, "a@example.com", true, "en", in(3, 10, 11), in(2));
        Plan plan = w.userPlan(100);
        assertThat(plan.steps()).extracting(Plan.Step::operation).containsExactly(new CreateUser(100, new UserTarget(
                "ziik:100", "a@example.com", "First100", "Last100", true, "en", new Refs(List.of(), List.of(2L)),
                new Refs(List.of(), List.of(10L)), null)));
    }

    @Test
    void L3_oneUserAlreadyRightPlansNothing() {
        World w = new World().unit(2, "Kitchen", 1).linkUnit(1, "d-top").linkUnit(2, "d-2")
                .role(10, "Chef").linkRole(10, "pt-chef", false)
                .person(100, "a@example.com", true, "en", in(2, 10))
                .lbUser(lb("u-1", 100, "a@example.com", true, List.of("d-2", "d-theirs"), List.of("pt-chef"), null))
                .linkUser(100, "u-1");
        assertThat(w.userPlan(100).steps()).isEmpty();
    }

    @Test
    void P6_oneUserGoneFromZiikIsDeactivatedNeverDeleted() {
        World w = new World().linkUnit(1, "d-top")
                .lbUser(lb("u-1", 100, "a@example.com", true, List.of("d-top"), List.of(), null)).linkUser(100, "u-1");
        Plan plan = w.userPlan(100);
        assertThat(plan.steps()).extracting(Plan.Step::operation).containsExactly(new DeactivateUser(100, "u-1"));
        assertThat(plan.held()).isEmpty(); // the guard does not apply to one user
    }
}
