package io.ziiklb.sync;

import static io.ziiklb.sync.InMemoryPeers.TOP;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbUserChange;
import io.ziiklb.ziik.ZiikUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unit-tree reconcile (rule L3 for units, rules U1-U6) against both peers in memory: the
 * departments Learningbank holds afterwards, and the links. The end-to-end versions over HTTP are
 * {@code UnitRulesIT} and {@code LiveReconcileIT}.
 */
class UnitsReconcilerTest {
    private final InMemoryPeers p = new InMemoryPeers();

    private UnitsReconciler.Result reconcile() throws InterruptedException {
        return new UnitsReconciler(p.context()).reconcile(p.settings, p.listener());
    }

    @Test
    void U2_aNewUnitGetsADepartmentUnderItsParentsDepartment_parentsFirst() throws InterruptedException {
        p.ziik.unit(10, "Kitchen", TOP).unit(11, "Pastry", 10);

        reconcile();

        LbDepartment kitchen = p.department(10);
        assertThat(kitchen.name()).isEqualTo("Kitchen");
        assertThat(kitchen.parentId()).isEqualTo(p.lb.topDepartmentId());
        assertThat(p.department(11).name()).isEqualTo("Pastry");
        assertThat(p.department(11).parentId()).isEqualTo(kitchen.id());
        assertThat(p.lb.departments()).hasSize(3);
    }

    @Test
    void U2_aZiikDepartmentInsideAUnitIsNotMirrored() throws InterruptedException {
        p.ziik.unit(10, "Kitchen", TOP).ziikDepartment(12, "Night shift", 10);

        reconcile();

        assertThat(p.lb.departments()).extracting(LbDepartment::name).containsExactly("Acme", "Kitchen");
        assertThat(p.links.department(12)).isEmpty();
    }

    @Test
    void U1_theTopDepartmentIsNeverRenamedOrMoved() throws InterruptedException {
        p.ziik.unit(10, "Kitchen", TOP); // Ziik's top unit is "HQ", Learningbank's top department "Acme"
        UnitsReconciler.Result result = reconcile();

        assertThat(result.report().problems()).isEmpty();

        assertThat(p.lb.department(p.lb.topDepartmentId()).orElseThrow())
                .isEqualTo(new LbDepartment(p.lb.topDepartmentId(), "Acme", null, true));
        assertThat(p.lb.writes()).containsExactly("POST department Kitchen");
    }

    @Test
    void U4_aRenamedUnitRenamesItsDepartment_andAMovedOneMovesIt() throws InterruptedException {
        String kitchen = p.linkedUnit(10, "Kitchen", TOP);
        String bar = p.linkedUnit(20, "Bar", TOP);
        p.ziik.unit(10, "Galley", TOP).unit(20, "Bar", 10);

        reconcile();

        assertThat(p.lb.department(kitchen).orElseThrow()).isEqualTo(new LbDepartment(kitchen, "Galley", p.lb.topDepartmentId(), false));
        assertThat(p.lb.department(bar).orElseThrow()).isEqualTo(new LbDepartment(bar, "Bar", kitchen, false));
        assertThat(p.links.department(10)).contains(kitchen);
        assertThat(p.links.department(20)).contains(bar);
    }

    @Test
    void U5_aDeletedUnitsDepartmentIsDeletedAfterItsUsersAreMovedOut() throws InterruptedException {
        String kitchen = p.linkedUnit(10, "Kitchen", TOP);
        p.ziik.user(new ZiikUser(100, "Ann", "Berg", "ann@example.com", true, "da")).memberships(100, p.ziik.in(10));
        new UserReconciler(p.context()).reconcile(100, p.tree(), p.settings, false, p.listener());
        assertThat(p.lb.users().getFirst().departmentIds()).containsExactly(kitchen);

        p.ziik.removeUnit(10).memberships(100); // Ziik drops the unit's memberships with it
        reconcile();

        assertThat(p.lb.department(kitchen)).isEmpty();
        assertThat(p.links.department(10)).isEmpty();
        assertThat(p.lb.users().getFirst().departmentIds()).as("moved out to the top first").containsExactly(p.lb.topDepartmentId());
    }

    @Test
    void U5_aDepartmentHoldingAUserZiiklbDoesNotManageStays_reportedAsDeleteBlocked() throws InterruptedException {
        String kitchen = p.linkedUnit(10, "Kitchen", TOP);
        p.lb.seedUser(new LbUserChange(null, "someone@example.com", "Some", "One", true, "en", List.of(kitchen), null, null));
        p.ziik.removeUnit(10);

        UnitsReconciler.Result result = reconcile();

        assertThat(p.lb.department(kitchen)).isPresent();
        assertThat(result.report().problems()).extracting(Problem::code).containsExactly(ProblemCode.DELETE_BLOCKED.wireName());
        assertThat(p.links.department(10)).as("still linked: the delete is tried again").contains(kitchen);
    }

    @Test
    void U3_withUniqueUnitsTwoUnitsOfOneNameGetTheirIds_andLinkedOnesAreRenamed() throws InterruptedException {
        String linked = p.linkedUnit(10, "Kitchen", TOP);
        p.ziik.unit(20, "Kitchen", TOP);
        p.settings = p.settings.withUniqueUnits(true);

        reconcile();

        assertThat(p.lb.department(linked).orElseThrow().name()).isEqualTo("Kitchen (10)");
        assertThat(p.department(20).name()).isEqualTo("Kitchen (20)");
        assertThat(p.lb.departments()).hasSize(3);
    }

    @Test
    void U6_aNameTakenByADepartmentZiiklbDidNotMakeIsANameConflict_theDepartmentLeftAlone() throws InterruptedException {
        String someoneElses = p.lb.seedDepartment("kitchen", null);
        p.ziik.unit(10, "Kitchen", TOP);

        UnitsReconciler.Result result = reconcile();

        assertThat(result.nameConflicts()).containsExactly(10L);
        assertThat(p.links.department(10)).as("never adopted by name").isEmpty();
        assertThat(p.lb.departments()).containsExactly(p.lb.department(p.lb.topDepartmentId()).orElseThrow(),
                new LbDepartment(someoneElses, "kitchen", p.lb.topDepartmentId(), false));
    }

    @Test
    void L2_anUnchangedTreeWritesNothing() throws InterruptedException {
        p.ziik.unit(10, "Kitchen", TOP).unit(11, "Pastry", 10);
        reconcile();
        int written = p.lb.writes().size();

        UnitsReconciler.Result again = reconcile();

        assertThat(again.plan().steps()).isEmpty();
        assertThat(p.lb.writes()).hasSize(written);
    }

    @Test
    void L3_beforeTheFirstFullSynchronisationNothingIsDone() throws InterruptedException {
        p.links.unlinkDepartment(TOP);
        p.ziik.unit(10, "Kitchen", TOP);

        assertThat(reconcile().neverSynchronised()).isTrue();
        assertThat(p.lb.writes()).isEmpty();
    }
}
