package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.PermissionType;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Polled roles: created, renamed and deleted in Ziik, followed in Learningbank without a full sync. */
class RolesReconcilerIT {

    @Test
    void rolesAreFollowedByPolling() throws Exception {
        try (SyncHarness h = new SyncHarness(1)) {
            ZiikOrganisation org = h.ziik.organisation();
            int chef = org.createRole("Chef");
            int waiter = org.createRole("Waiter");
            org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(org.topUnitId(), waiter)));
            h.learningbank.state().seedPermissionType("Auditor");
            h.sync();
            RolesReconciler roles = new RolesReconciler(h.context(SyncHarness.noSleep(new Random(1))));

            h.learningbank.requestLog().reset();
            assertThat(roles.reconcile(h.settings, r -> { }).report().results()).isEmpty();
            assertThat(h.learningbank.requestLog().writes()).as("unchanged roles: nothing written").isZero();

            org.createRole("Host");
            org.createRole("auditor");
            org.renameRole(chef, "Head chef");
            org.deleteRole(waiter);
            RolesReconciler.Result result = roles.reconcile(h.settings, r -> { });
            assertThat(result.plan().problems()).isEmpty();
            ExecutionReport report = result.report();
            assertThat(report.problems()).isEmpty();
            assertThat(h.learningbank.state().permissionTypes()).extracting(PermissionType::name)
                    .contains("Host", "auditor", "Head chef").doesNotContain("Chef", "Waiter", "Auditor");
            assertThat(h.learningbank.state().findUserByEmail("ann@example.com").orElseThrow().permissionTypeIds())
                    .as("a deleted role's type is taken off its users").isEmpty();
            h.learningbank.requestLog().reset();
            h.sync();
            assertThat(h.learningbank.requestLog().writes()).as("a full sync agrees: Learningbank receives no write").isZero();
        }
    }

    @Test
    void aRenameThatNamesAJobProfileReachesTheRolesHoldersAndNoOneElse() throws Exception {
        try (SyncHarness h = new SyncHarness(2)) {
            ZiikOrganisation org = h.ziik.organisation();
            String sommelier = h.learningbank.state().seedJobProfile("Sommelier", false);
            int wine = org.createRole("Wine steward");
            int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(org.topUnitId(), wine)));
            org.createUser(NewUser.of("Bo", "Dahl", "bo@example.com", Membership.of(org.topUnitId())));
            h.sync();
            RolesReconciler roles = new RolesReconciler(h.context(SyncHarness.noSleep(new Random(2))));

            org.renameRole(wine, "Head waiter");
            assertThat(roles.reconcile(h.settings, r -> { }).holders()).as("no job profile is named so").isEmpty();

            org.renameRole(wine, "Sommelier");
            RolesReconciler.Result result = roles.reconcile(h.settings, r -> { });
            assertThat(result.holders()).containsExactly((long) ann);
            new UserReconciler(h.context(SyncHarness.noSleep(new Random(2)))).reconcile(ann, new UnitTree(h.ziikClient().units()), h.settings, false, r -> { });
            assertThat(h.learningbank.state().findUserByEmail("ann@example.com").orElseThrow().jobProfileId()).isEqualTo(sommelier);
            h.learningbank.requestLog().reset();
            h.sync();
            assertThat(h.learningbank.requestLog().writes()).as("a full sync agrees: Learningbank receives no write").isZero();
        }
    }
}
