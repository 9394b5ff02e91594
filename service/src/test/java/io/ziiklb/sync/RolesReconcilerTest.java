package io.ziiklb.sync;

import static io.ziiklb.sync.InMemoryPeers.TOP;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.ziik.ZiikUser;
import org.junit.jupiter.api.Test;

/**
 * The roles reconcile (rule L3 for roles, rules R1-R3) against both peers in memory: the
 * permission types Learningbank holds afterwards, and the links. The end-to-end versions over HTTP
 * are {@code RoleRulesIT} and {@code RolesReconcilerIT}.
 */
class RolesReconcilerTest {
    private final InMemoryPeers p = new InMemoryPeers();

    private RolesReconciler.Result reconcile() throws InterruptedException {
        return new RolesReconciler(p.context()).reconcile(p.settings, p.listener());
    }

    private LbPermissionType type(String id) {
        return p.lb.permissionType(id).orElseThrow(() -> new AssertionError("no permission type " + id));
    }

    @Test
    void R1_R3_aNewRoleGetsATypeOfItsName_carryingOnlyTheName() throws InterruptedException {
        p.ziik.role(5, "Chef");

        reconcile();

        Links.RoleLink link = p.links.permissionType(5).orElseThrow();
        assertThat(link.adopted()).isFalse();
        assertThat(type(link.permissionTypeId())).isEqualTo(new LbPermissionType(link.permissionTypeId(), "Chef", false, false));
        assertThat(p.lb.writes()).containsExactly("POST permission type Chef");
    }

    @Test
    void R1_aRenamedRoleRenamesItsType() throws InterruptedException {
        String chef = p.linkedRole(5, "Chef");
        p.ziik.role(5, "Head chef");

        reconcile();

        assertThat(type(chef).name()).isEqualTo("Head chef");
        assertThat(p.links.permissionType(5)).contains(new Links.RoleLink(chef, false));
    }

    @Test
    void R1_aDeletedRoleDeletesItsType_whichLearningbankTakesOffItsUsers() throws InterruptedException {
        String chef = p.linkedRole(5, "Chef");
        p.ziik.user(new ZiikUser(100, "Ann", "Berg", "ann@example.com", true, "da")).memberships(100, p.ziik.in(TOP, 5));
        new UserReconciler(p.context()).reconcile(100, p.tree(), p.settings, false, p.listener());
        assertThat(p.lb.users().getFirst().permissionTypeIds()).containsExactly(chef);

        p.ziik.removeRole(5);
        reconcile();

        assertThat(p.lb.permissionType(chef)).isEmpty();
        assertThat(p.links.permissionType(5)).isEmpty();
        assertThat(p.lb.users().getFirst().permissionTypeIds()).isEmpty();
    }

    @Test
    void O2_aTypeWhoseCreateWasCutOffByACrash_isZiiklbs_deletedWithItsRole_notAdopted() throws InterruptedException {
        p.ziik.role(5, "Chef");
        p.links.intendPermissionType(5, "Chef"); // the state a SIGKILL leaves: intent, type, no link
        String chef = p.lb.createPermissionType("Chef").id();
        p.ziik.role(6, "Waiter");
        p.links.intendPermissionType(6, "Waiter");
        String waiter = p.lb.createPermissionType("Waiter").id();
        p.ziik.removeRole(6);

        reconcile();

        assertThat(p.links.permissionType(5)).contains(new Links.RoleLink(chef, false));
        assertThat(p.lb.permissionTypes()).filteredOn(t -> t.name().equals("Chef")).hasSize(1);
        assertThat(p.lb.permissionType(waiter)).as("its role is gone: deleted, not kept as a customer's").isEmpty();
        assertThat(p.links.snapshot().typeIntents()).isEmpty();
    }

    @Test
    void R2_anUnlinkedTypeOfTheRolesNameIsAdopted_renamedWithIt_neverDeleted() throws InterruptedException {
        String auditor = p.lb.seedPermissionType("Auditor");
        p.ziik.role(5, "Auditor");

        reconcile();
        assertThat(p.links.permissionType(5)).contains(new Links.RoleLink(auditor, true));
        assertThat(p.lb.writes()).as("adopted, not made").isEmpty();

        p.ziik.role(5, "Inspector");
        reconcile();
        assertThat(type(auditor).name()).isEqualTo("Inspector");

        p.ziik.removeRole(5);
        reconcile();
        assertThat(p.lb.permissionType(auditor)).as("adopted: never deleted").isPresent();
        assertThat(p.links.permissionType(5)).as("only unlinked").isEmpty();
    }

    @Test
    void R2_aSystemTypeIsAdopted_andLetGoOfWhenItsRoleIsRenamed_sinceItCannotBeRenamed() throws InterruptedException {
        String manager = p.lb.permissionTypeByName("Manager").orElseThrow().id();
        p.ziik.role(5, "Manager");
        reconcile();
        assertThat(p.links.permissionType(5)).contains(new Links.RoleLink(manager, true));

        p.ziik.role(5, "Shift lead");
        RolesReconciler.Result result = reconcile();

        assertThat(type(manager)).isEqualTo(new LbPermissionType(manager, "Manager", false, true));
        Links.RoleLink now = p.links.permissionType(5).orElseThrow();
        assertThat(now.adopted()).isFalse();
        assertThat(type(now.permissionTypeId()).name()).isEqualTo("Shift lead");
        assertThat(result.report().problems()).isEmpty();
    }

    @Test
    void R2_aLinkedRoleRenamedToTheNameOfAnUnlinkedTypeIsANameConflict_bothTypesKeepTheirNames() throws InterruptedException {
        String chef = p.linkedRole(5, "Chef");
        String cook = p.lb.seedPermissionType("Cook");
        p.ziik.role(5, "Cook");

        RolesReconciler.Result result = reconcile();

        assertThat(result.plan().problems()).extracting(Problem::code).containsExactly(ProblemCode.NAME_CONFLICT.wireName());
        assertThat(type(chef).name()).isEqualTo("Chef");
        assertThat(type(cook).name()).isEqualTo("Cook");
        assertThat(p.links.permissionType(5)).contains(new Links.RoleLink(chef, false));
        assertThat(p.lb.writes()).isEmpty();
    }

    @Test
    void L2_unchangedRolesWriteNothing() throws InterruptedException {
        p.ziik.role(5, "Chef").role(6, "Waiter");
        reconcile();
        int written = p.lb.writes().size();

        assertThat(reconcile().plan().steps()).isEmpty();
        assertThat(p.lb.writes()).hasSize(written);
    }
}
