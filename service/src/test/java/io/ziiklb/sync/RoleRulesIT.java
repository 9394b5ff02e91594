package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.PermissionType;
import io.ziiklb.simulator.ziik.Membership;
import org.junit.jupiter.api.Test;

/** Rules R1-R3: Ziik roles to Learningbank permission types, each rule pinned by the test named after it. */
class RoleRulesIT {

    @Test
    void R1_eachRoleHasOneLinkedTypeOfItsName_renamedWithIt_deletedWithIt() {
        try (RuleFixture f = new RuleFixture(11)) {
            int chef = f.org.createRole("Chef");
            int waiter = f.org.createRole("Waiter");
            int ann = f.user("Ann", "ann@example.com", Membership.of(f.org.topUnitId(), chef));
            f.sync();
            String chefType = f.typeId("Chef");
            assertThat(f.h.links.permissionType(chef)).contains(new Links.RoleLink(chefType, false));
            assertThat(f.h.links.permissionType(waiter)).contains(new Links.RoleLink(f.typeId("Waiter"), false));
            assertThat(f.lb.permissionTypes()).extracting(PermissionType::name)
                    .as("the system types, and one per Ziik role (Administrator is the simulated Ziik's own)")
                    .containsExactlyInAnyOrder("Owner", "Manager", "Content Creator", "User", "Administrator", "Chef", "Waiter");

            f.org.renameRole(chef, "Head chef");
            f.sync();
            assertThat(f.lb.findPermissionType(chefType).orElseThrow().name()).as("renamed, the same type").isEqualTo("Head chef");
            assertThat(f.writes()).as("one rename: %s", f.journal()).isEqualTo(1);

            f.org.deleteRole(chef);
            f.sync();
            assertThat(f.lb.findPermissionType(chefType)).as("a created type is deleted with its role").isEmpty();
            assertThat(f.h.links.permissionType(chef)).isEmpty();
            assertThat(f.lbUser(ann).permissionTypeIds()).isEmpty();
            assertThat(f.h.learningbank.requestLog().count("DELETE", "/api/v1/permission-types/{id}")).isEqualTo(1);
            f.assertSettled();
        }
    }

    @Test
    void R2_anExistingUnlinkedTypeIsAdopted_renamedWithItsRole_neverDeleted() {
        try (RuleFixture f = new RuleFixture(12)) {
            String auditor = f.lb.seedPermissionType("Auditor");
            int role = f.org.createRole("Auditor");
            f.sync();
            assertThat(f.h.links.permissionType(role)).contains(new Links.RoleLink(auditor, true));
            assertThat(f.bodies("POST", "/api/v1/permission-types")).as("adopted, not made: only Ziik's Administrator is made")
                    .containsExactly(RuleFixture.json("{\"name\":\"Administrator\"}"));

            f.org.renameRole(role, "Inspector");
            f.sync();
            assertThat(f.lb.findPermissionType(auditor).orElseThrow().name()).isEqualTo("Inspector");

            f.org.deleteRole(role);
            f.sync();
            assertThat(f.lb.findPermissionType(auditor)).as("adopted: never deleted").isPresent();
            assertThat(f.h.learningbank.requestLog().count("DELETE", "/api/v1/permission-types/{id}")).isZero();
            assertThat(f.h.links.permissionType(role)).as("only unlinked").isEmpty();
            f.assertSettled();
        }
    }

    @Test
    void O2_aTypeWhoseCreateWasCutOffByACrash_isZiiklbs_deletedWithItsRole_orLinkedWithoutAnother() {
        try (RuleFixture f = new RuleFixture(14)) {
            int chef = f.org.createRole("Chef");
            int waiter = f.org.createRole("Waiter");
            // the state a SIGKILL leaves between a create applied and its link written: the intent, the type, no link
            f.h.links.intendPermissionType(chef, "Chef");
            String chefType = f.lb.seedPermissionType("Chef");
            f.h.links.intendPermissionType(waiter, "Waiter");
            String waiterType = f.lb.seedPermissionType("Waiter");
            f.org.deleteRole(chef);

            f.sync();

            assertThat(f.lb.findPermissionType(chefType)).as("its role is gone: deleted, not kept as a customer's").isEmpty();
            assertThat(f.h.links.permissionType(waiter)).as("ziiklb's own, not adopted").contains(new Links.RoleLink(waiterType, false));
            assertThat(f.lb.permissionTypes()).filteredOn(t -> t.name().equalsIgnoreCase("Waiter")).hasSize(1);
            assertThat(f.bodies("POST", "/api/v1/permission-types")).as("nothing made twice: only Ziik's Administrator is made")
                    .containsExactly(RuleFixture.json("{\"name\":\"Administrator\"}"));
            assertThat(f.h.links.snapshot().typeIntents()).isEmpty();

            f.org.deleteRole(waiter);
            f.sync();
            assertThat(f.lb.findPermissionType(waiterType)).as("deleted with its role").isEmpty();
            f.assertSettled();
        }
    }

    @Test
    void R3_aNewTypeCarriesOnlyItsNameAndGetsLearningbanksDefaults() {
        try (RuleFixture f = new RuleFixture(13)) {
            f.org.createRole("Chef");
            f.sync();

            assertThat(f.bodies("POST", "/api/v1/permission-types")).as("each new type is sent with its name and nothing else")
                    .containsExactlyInAnyOrder(RuleFixture.json("{\"name\":\"Chef\"}"), RuleFixture.json("{\"name\":\"Administrator\"}"));
            assertThat(f.lb.findPermissionTypeByName("Chef").orElseThrow())
                    .isEqualTo(new PermissionType(f.typeId("Chef"), "Chef", false, false));
            assertThat(f.lb.permissionTypes()).filteredOn(PermissionType::isDefault).extracting(PermissionType::name)
                    .as("the platform's default is still its own").containsExactly("User");
            assertThat(f.bodies("PATCH", "/api/v1/permission-types/{id}")).isEmpty();
        }
    }
}
