package io.ziiklb.sync;

import static io.ziiklb.sync.PlannerTest.ops;
import static io.ziiklb.sync.PlannerTest.runsAfter;
import static io.ziiklb.sync.World.in;
import static io.ziiklb.sync.World.lb;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.sync.Operation.CreateDepartment;
import io.ziiklb.sync.Operation.CreateUser;
import io.ziiklb.sync.Operation.DeleteDepartment;
import io.ziiklb.sync.Operation.ForgetLink;
import io.ziiklb.sync.Operation.LinkTopDepartment;
import io.ziiklb.sync.Operation.UpdateDepartment;
import io.ziiklb.sync.Operation.UpdateUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules U1-U6 in a full synchronisation's plan: the unit tree recreated as departments. */
class UnitRulesTest {

    @Test
    void U1_topUnitIsLinkedToTheTopDepartmentOnceAndNeverChanged() {
        World w = new World().linkUnit(1, "d-top");
        w.departments.set(0, new io.ziiklb.learningbank.LbDepartment("d-top", "Not HQ", null, true));
        assertThat(w.plan().steps()).isEmpty(); // the top department keeps its own name
        w.unitLinks.clear();
        assertThat(ops(w.plan(), LinkTopDepartment.class)).containsExactly(new LinkTopDepartment(1, "d-top"));
    }

    @Test
    void U2_aLinkWhoseDepartmentIsGoneIsForgottenAndTheDepartmentMadeAgain() {
        World w = new World().unit(2, "Kitchen", 1).unit(3, "Bar", 1)
                .linkUnit(1, "d-top").linkUnit(2, "d-gone").linkUnit(3, "d-top");
        Plan plan = w.plan();
        assertThat(ops(plan, ForgetLink.class)).containsExactlyInAnyOrder(
                new ForgetLink(ObjectKind.DEPARTMENT, 2, "d-gone"), new ForgetLink(ObjectKind.DEPARTMENT, 3, "d-top"));
        assertThat(ops(plan, CreateDepartment.class)).containsExactly(
                new CreateDepartment(2, "Kitchen", 1), new CreateDepartment(3, "Bar", 1));
        assertThat(ops(plan, DeleteDepartment.class)).isEmpty(); // the top department is never deleted
    }

    @Test
    void U2_aUnitWithoutNameGetsNoDepartmentAndItsUsersGoToItsParent() {
        World w = new World().unit(2, "Kitchen", 1).unit(3, " ", 2).person(100, "a@example.com", true, "en", in(3));
        Plan plan = w.plan();
        assertThat(ops(plan, CreateDepartment.class)).containsExactly(new CreateDepartment(2, "Kitchen", 1));
        assertThat(plan.problems()).containsExactly(
                new Problem(ObjectKind.DEPARTMENT, 3, "invalid_name", "the unit has no name"));
        assertThat(ops(plan, CreateUser.class).getFirst().target().departments()).isEqualTo(new Refs(List.of(), List.of(2L)));
    }

    @Test
    void U3_uniqueUnitsNamesDepartmentWithId() {
        World w = new World().unit(1042, "Kitchen", 1);
        w.settings = w.settings.withUniqueUnits(true);
        assertThat(ops(w.plan(), CreateDepartment.class)).containsExactly(new CreateDepartment(1042, "Kitchen (1042)", 1));
    }

    @Test
    void U4_aRenameThatOnlyChangesCaseIsApplied() {
        World w = new World().unit(2, "KITCHEN", 1).department("d-2", "Kitchen", "d-top").linkUnit(1, "d-top").linkUnit(2, "d-2");
        Plan plan = w.plan();
        assertThat(ops(plan, UpdateDepartment.class)).containsExactly(new UpdateDepartment(2, "d-2", "KITCHEN", null));
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void U4_aMoveUnderANewUnitWaitsForItsDepartment() {
        World w = new World().unit(3, "Region", 1).unit(2, "Kitchen", 3)
                .department("d-2", "Kitchen", "d-top").linkUnit(1, "d-top").linkUnit(2, "d-2");
        Plan plan = w.plan();
        CreateDepartment region = new CreateDepartment(3, "Region", 1);
        UpdateDepartment move = new UpdateDepartment(2, "d-2", null, 3L);
        assertThat(ops(plan, CreateDepartment.class)).containsExactly(region);
        assertThat(ops(plan, UpdateDepartment.class)).containsExactly(move);
        assertThat(runsAfter(plan, move, region)).isTrue();
    }

    @Test
    void U5_aDeletedUnitsNameGoesToANewUnitAfterTheDelete() {
        World w = new World().unit(3, "Kitchen", 1)
                .department("d-2", "Kitchen", "d-top").linkUnit(1, "d-top").linkUnit(2, "d-2");
        Plan plan = w.plan();
        DeleteDepartment delete = new DeleteDepartment(2, "d-2", "Kitchen");
        CreateDepartment create = new CreateDepartment(3, "Kitchen", 1);
        assertThat(ops(plan, DeleteDepartment.class)).containsExactly(delete);
        assertThat(ops(plan, CreateDepartment.class)).containsExactly(create);
        assertThat(runsAfter(plan, create, delete)).isTrue();
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void U5_aChildMovedOutFromUnderADeletedDepartmentMovesFirst() {
        // unit 2 is deleted in Ziik; its child 3 now hangs under unit 4
        World w = new World().unit(4, "Aarhus", 1).unit(3, "Kitchen", 4)
                .department("d-2", "Copenhagen", "d-top").department("d-3", "Kitchen", "d-2").department("d-4", "Aarhus", "d-top")
                .linkUnit(1, "d-top").linkUnit(2, "d-2").linkUnit(3, "d-3").linkUnit(4, "d-4");
        Plan plan = w.plan();
        DeleteDepartment delete = new DeleteDepartment(2, "d-2", "Copenhagen");
        UpdateDepartment move = new UpdateDepartment(3, "d-3", null, 4L);
        assertThat(ops(plan, DeleteDepartment.class)).containsExactly(delete);
        assertThat(ops(plan, UpdateDepartment.class)).containsExactly(move);
        assertThat(runsAfter(plan, delete, move)).isTrue();
    }

    @Test
    void U5_aUnitTurnedIntoADepartmentTypeLosesItsDepartment() {
        World w = new World().unit(2, "Pastry", 1, "department")
                .department("d-2", "Pastry", "d-top").linkUnit(1, "d-top").linkUnit(2, "d-2");
        assertThat(ops(w.plan(), DeleteDepartment.class)).containsExactly(new DeleteDepartment(2, "d-2", "Pastry"));
    }

    @Test
    void U6_newUnitWhoseNameIsTakenByADepartmentNotOursIsReportedAndItsUsersGoToTheParent() {
        World w = new World().unit(2, "Copenhagen", 1).unit(3, "Kitchen", 2).department("d-theirs", "kitchen", "d-top")
                .person(100, "a@example.com", true, "en", in(3));
        Plan plan = w.plan();
        assertThat(ops(plan, CreateDepartment.class)).containsExactly(new CreateDepartment(2, "Copenhagen", 1));
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.DEPARTMENT, 3, "name_conflict",
                "\"Kitchen\": the name is taken by a Learningbank department that ziiklb does not manage;"
                        + " its users go to the nearest parent department (turning on unique units avoids this)"));
        assertThat(ops(plan, CreateUser.class).getFirst().target().departments()).isEqualTo(new Refs(List.of(), List.of(2L)));
    }

    @Test
    void U6_linkedUnitRenamedToATakenNameKeepsItsDepartmentAndName() {
        World w = new World().unit(2, "Kitchen", 1).department("d-2", "Bar", "d-top").department("d-theirs", "Kitchen (2)", "d-top")
                .linkUnit(1, "d-top").linkUnit(2, "d-2")
                .person(100, "a@example.com", true, "en", in(2))
                .lbUser(lb("u-1", 100, "a@example.com", true, List.of("d-2"), List.of(), null)).linkUser(100, "u-1");
        w.settings = w.settings.withUniqueUnits(true);
        Plan plan = w.plan();
        assertThat(plan.steps()).isEmpty(); // no rename, and the user stays in the unit's department
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.DEPARTMENT, 2, "name_conflict",
                "\"Kitchen (2)\": the name is taken by a Learningbank department that ziiklb does not manage"));
    }

    @Test
    void U6_twoNewUnitsWantingOneNameTheLowerIdGetsIt() {
        World w = new World().unit(3, "Kitchen", 1).unit(2, "KITCHEN", 1);
        Plan plan = w.plan();
        assertThat(ops(plan, CreateDepartment.class)).containsExactly(new CreateDepartment(2, "KITCHEN", 1));
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.DEPARTMENT, 3, "name_conflict",
                "\"Kitchen\": another Ziik object wants the same name;"
                        + " its users go to the nearest parent department (turning on unique units avoids this)"));
    }

    @Test
    void U6_aLinkedUnitKeepsItsNameAgainstANewUnitWantingIt() {
        World w = new World().unit(2, "Kitchen", 1).unit(3, "Kitchen", 1)
                .department("d-3", "Kitchen", "d-top").linkUnit(1, "d-top").linkUnit(3, "d-3");
        Plan plan = w.plan();
        assertThat(ops(plan, CreateDepartment.class)).isEmpty();
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.DEPARTMENT, 2, "name_conflict",
                "\"Kitchen\": the name is taken by the department of Ziik object 3;"
                        + " its users go to the nearest parent department (turning on unique units avoids this)"));
    }

    @Test
    void U6_aRenameIntoALinkedUnitsNameWaitsAndLosesButTheOtherRenameGoesAhead() {
        // 2 wants 3's name "B"; 3 keeps "B" (renamed to "B" in Ziik too): 2 keeps "A"
        World w = new World().unit(2, "B", 1).unit(3, "B", 1)
                .department("d-2", "A", "d-top").department("d-3", "B", "d-top")
                .linkUnit(1, "d-top").linkUnit(2, "d-2").linkUnit(3, "d-3");
        Plan plan = w.plan();
        assertThat(ops(plan, UpdateDepartment.class)).isEmpty();
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.DEPARTMENT, 2, "name_conflict",
                "\"B\": the name is taken by the department of Ziik object 3 (turning on unique units avoids this)"));
        assertThat(ops(plan, UpdateUser.class)).isEmpty();
    }

    @Test
    void U6_aLinkedUnitWithoutNameStillHoldsItsDepartmentsName() {
        // unit 2 lost its name in Ziik, so its department keeps "Kitchen": new unit 3 cannot take it
        World w = new World().unit(2, "", 1).unit(3, "Kitchen", 1)
                .department("d-2", "Kitchen", "d-top").linkUnit(1, "d-top").linkUnit(2, "d-2");
        Plan plan = w.plan();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.problems()).containsExactly(
                new Problem(ObjectKind.DEPARTMENT, 2, "invalid_name", "the unit has no name"),
                new Problem(ObjectKind.DEPARTMENT, 3, "name_conflict", "\"Kitchen\": the name is taken by the department"
                        + " of Ziik object 2; its users go to the nearest parent department (turning on unique units avoids this)"));
    }
}
