package io.ziiklb.sync;

import static io.ziiklb.sync.PlannerTest.ops;
import static io.ziiklb.sync.PlannerTest.runsAfter;
import static io.ziiklb.sync.World.in;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.sync.Operation.AdoptPermissionType;
import io.ziiklb.sync.Operation.CreatePermissionType;
import io.ziiklb.sync.Operation.CreateUser;
import io.ziiklb.sync.Operation.DeletePermissionType;
import io.ziiklb.sync.Operation.ForgetLink;
import io.ziiklb.sync.Operation.RenamePermissionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules R1-R3 in a plan: every role has one permission type of its name. */
class RoleRulesTest {

    @Test
    void R1_aLinkWhoseTypeIsGoneIsForgottenAndTheTypeMadeAgain() {
        World w = new World().role(10, "Chef").linkRole(10, "pt-gone", false);
        Plan plan = w.plan();
        assertThat(ops(plan, ForgetLink.class)).containsExactly(new ForgetLink(ObjectKind.PERMISSION_TYPE, 10, "pt-gone"));
        assertThat(ops(plan, CreatePermissionType.class)).containsExactly(new CreatePermissionType(10, "Chef"));
        assertThat(ops(plan, DeletePermissionType.class)).isEmpty();
    }

    @Test
    void R1_aRoleWithoutNameGetsNoTypeAndUsersDoNotReferToIt() {
        World w = new World().role(10, "").role(11, "Chef").person(100, "a@example.com", true, "en", in(1, 10, 11));
        Plan plan = w.plan();
        assertThat(ops(plan, CreatePermissionType.class)).containsExactly(new CreatePermissionType(11, "Chef"));
        assertThat(plan.problems()).containsExactly(
                new Problem(ObjectKind.PERMISSION_TYPE, 10, "invalid_name", "the role has no name"));
        assertThat(ops(plan, CreateUser.class).getFirst().target().permissionTypes()).isEqualTo(new Refs(List.of(), List.of(11L)));
    }

    @Test
    void R1_twoRolesWantingOneNameTheLowerIdGetsTheType() {
        World w = new World().role(11, "chef").role(10, "Chef").person(100, "a@example.com", true, "en", in(1, 11, 10));
        Plan plan = w.plan();
        assertThat(ops(plan, CreatePermissionType.class)).containsExactly(new CreatePermissionType(10, "Chef"));
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.PERMISSION_TYPE, 11, "name_conflict",
                "\"chef\": another Ziik object wants the same name"));
        assertThat(ops(plan, CreateUser.class).getFirst().target().permissionTypes()).isEqualTo(new Refs(List.of(), List.of(10L)));
    }

    @Test
    void R1_aNameFreedByADeletedRoleIsTakenAfterTheDelete() {
        // role 10 is deleted; 12 is renamed Cook -> Chef (10's name); new role 11 wants Cook (12's old name)
        World w = new World().role(11, "Cook").role(12, "Chef")
                .type("pt-chef", "Chef").linkRole(10, "pt-chef", false)
                .type("pt-cook", "Cook").linkRole(12, "pt-cook", false);
        Plan plan = w.plan();
        DeletePermissionType delete = new DeletePermissionType(10, "pt-chef", "Chef", false);
        RenamePermissionType rename = new RenamePermissionType(12, "pt-cook", "Chef");
        CreatePermissionType create = new CreatePermissionType(11, "Cook");
        assertThat(ops(plan, DeletePermissionType.class)).containsExactly(delete);
        assertThat(ops(plan, RenamePermissionType.class)).containsExactly(rename);
        assertThat(ops(plan, CreatePermissionType.class)).containsExactly(create);
        assertThat(runsAfter(plan, rename, delete)).isTrue();
        assertThat(runsAfter(plan, create, rename)).isTrue();
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void R2_aNewRoleAdoptsTheSystemTypeARenamedRoleLetGo() {
        // role 11's adopted system type "Manager" cannot be renamed, so it is let go (kept in
        // Learningbank, unlinked); new role 12 is named Manager and adopts it once it is free
        World w = new World().role(11, "Team lead").linkRole(11, "pt-manager", true).role(12, "Manager");
        Plan plan = w.plan();
        DeletePermissionType letGo = new DeletePermissionType(11, "pt-manager", "Manager", true);
        AdoptPermissionType adopt = new AdoptPermissionType(12, "pt-manager", "Manager", "Manager");
        assertThat(ops(plan, DeletePermissionType.class)).containsExactly(letGo);
        assertThat(ops(plan, AdoptPermissionType.class)).containsExactly(adopt);
        assertThat(ops(plan, CreatePermissionType.class)).containsExactly(new CreatePermissionType(11, "Team lead"));
        assertThat(runsAfter(plan, adopt, letGo)).isTrue();
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void R2_aRoleRecreatedUnderTheNameOfADeletedAdoptedRoleAdoptsTheTypeItLeft() {
        // the adopted type of deleted role 10 stays in Learningbank (only unlinked): new role 11 of its name adopts it
        World w = new World().linkUnit(1, "d-top").type("pt-aud", "Auditor").linkRole(10, "pt-aud", true).role(11, "Auditor");
        Plan plan = w.plan();
        DeletePermissionType unlink = new DeletePermissionType(10, "pt-aud", "Auditor", true);
        AdoptPermissionType adopt = new AdoptPermissionType(11, "pt-aud", "Auditor", "Auditor");
        assertThat(plan.steps()).extracting(Plan.Step::operation).containsExactly(unlink, adopt);
        assertThat(runsAfter(plan, adopt, unlink)).isTrue();
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void R2_aLinkedRoleRenamedToTheNameOfATypeLeftByADeletedAdoptedRoleKeepsItsName() {
        // once unlinked, "Auditor" is a type ziiklb does not manage: a linked role cannot rename into it
        World w = new World().linkUnit(1, "d-top").type("pt-aud", "Auditor").linkRole(10, "pt-aud", true)
                .role(11, "Auditor").type("pt-chef", "Chef").linkRole(11, "pt-chef", false);
        Plan plan = w.plan();
        assertThat(plan.steps()).extracting(Plan.Step::operation)
                .containsExactly(new DeletePermissionType(10, "pt-aud", "Auditor", true));
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.PERMISSION_TYPE, 11, "name_conflict",
                "\"Auditor\": the name is taken by a Learningbank permission type that ziiklb does not manage"));
    }

    @Test
    void R2_aRenamedRoleDoesNotAdoptAnotherTypeOfItsNewName() {
        World w = new World().linkUnit(1, "d-top").role(10, "Auditor").type("pt-chef", "Chef").linkRole(10, "pt-chef", false)
                .type("pt-aud", "Auditor");
        Plan plan = w.plan();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.PERMISSION_TYPE, 10, "name_conflict",
                "\"Auditor\": the name is taken by a Learningbank permission type that ziiklb does not manage"));
    }

    @Test
    void R2_twoNewRolesOfAnExistingTypesNameTheLowerIdAdoptsIt() {
        World w = new World().role(11, "AUDITOR").role(10, "Auditor").type("pt-aud", "Auditor");
        Plan plan = w.plan();
        assertThat(ops(plan, AdoptPermissionType.class)).containsExactly(new AdoptPermissionType(10, "pt-aud", "Auditor", "Auditor"));
        assertThat(ops(plan, CreatePermissionType.class)).isEmpty();
        assertThat(plan.problems()).extracting(Problem::ziikId, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(11L, "name_conflict"));
    }

    @Test
    void L3_polledRolesPlanOnlyPermissionTypes() {
        World w = new World().unit(2, "Kitchen", 1).role(10, "Chef").role(11, "Auditor").type("pt-aud", "Auditor")
                .type("pt-old", "Old").linkRole(12, "pt-old", false)
                .person(100, "a@example.com", true, "en", in(2, 10));
        Plan plan = w.rolesPlan();
        assertThat(plan.steps()).extracting(Plan.Step::operation).containsExactly(
                new DeletePermissionType(12, "pt-old", "Old", false),
                new CreatePermissionType(10, "Chef"),
                new AdoptPermissionType(11, "pt-aud", "Auditor", "Auditor"));
        assertThat(plan.guardTripped()).isFalse();
    }
}
