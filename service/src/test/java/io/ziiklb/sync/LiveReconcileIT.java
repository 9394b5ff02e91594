package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.http.RequestLog;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live reconcilers together (the unit tree, the roles, then each user a webhook named, as the
 * service runs them) bring Learningbank where a full synchronisation would: checked with the
 * oracle over seeded random changes of every kind, and a full synchronisation afterwards writes
 * nothing. Members that deleting a unit moved out are reached without a hint of their own.
 */
class LiveReconcileIT {
    static Stream<Long> seeds() {
        Long one = Long.getLong("ziiklb.convergence.seed");
        return one != null ? Stream.of(one) : LongStream.range(0, 60).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void liveReconcilesConvergeLikeAFullSync(long seed) throws Exception {
        try (SyncHarness h = new SyncHarness(seed)) {
            boolean unique = seed % 2 == 0;
            RandomOrganisation org = new RandomOrganisation(h.ziik.organisation(), h.ziikClient(), seed, !unique);
            org.build(h.learningbank.state());
            LearningbankState.Snapshot before = h.learningbank.state().snapshot();
            h.settings = SyncSettings.defaults().withUniqueUnits(unique).withGuard(DeletionGuard.off())
                    .withExcludedEmails(Set.of(RandomOrganisation.EXCLUDED));
            h.sync();
            org.synchronised();
            org.takeTouched();

            org.change(5 + (int) (seed % 16));
            Live live = new Live(h, seed);
            live.units();
            Set<Long> users = new java.util.HashSet<>(org.takeTouched());
            users.addAll(live.roles()); // the holders of roles whose change reaches them
            for (long user : users) {
                live.user(user);
            }
            org.synchronised();
            assertThat(live.fullSyncWanted).as("the deletion guard is off here").isFalse();
            assertThat(oracle(h, org, before, unique)).isEmpty();
            assertThat(h.sync().plan().writes()).as("a full synchronisation finds nothing left").isZero();
        }
    }

    private static List<String> oracle(SyncHarness h, RandomOrganisation org, LearningbankState.Snapshot before,
                                       boolean unique) {
        return h.oracle(before, before, org).problems();
    }

    @Test
    void aRenameIsOneWriteAndAnUnchangedTreeNone() throws Exception {
        try (SyncHarness h = new SyncHarness(1)) {
            ZiikOrganisation org = h.ziik.organisation();
            int kitchen = org.createUnit("Kitchen", org.topUnitId());
            int bar = org.createUnit("Bar", org.topUnitId());
            org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
            h.sync();
            Live live = new Live(h, 1);
            RequestLog log = h.learningbank.requestLog();

            log.reset();
            assertThat(live.units().plan().steps()).isEmpty();
            assertThat(log.writes()).isZero();

            org.renameUnit(kitchen, "Galley");
            org.moveUnit(bar, kitchen);
            log.reset();
            UnitsReconciler.Result result = live.units();
            assertThat(result.report().problems()).isEmpty();
            assertThat(log.writes()).as("one PATCH each").isEqualTo(2);
            assertThat(result.users()).as("no user is read when no department goes").isEmpty();
            assertThat(h.learningbank.state().departments()).extracting(d -> d.name())
                    .contains("Galley", "Bar").doesNotContain("Kitchen");
            assertThat(h.sync().plan().writes()).isZero();
        }
    }

    @Test
    void aDeletedUnitsMembersAreMovedOutBeforeItsDepartmentGoes() throws Exception {
        try (SyncHarness h = new SyncHarness(2)) {
            ZiikOrganisation org = h.ziik.organisation();
            int kitchen = org.createUnit("Kitchen", org.topUnitId());
            int bar = org.createUnit("Bar", org.topUnitId());
            int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
            org.createUser(NewUser.of("Bo", "Dahl", "bo@example.com", Membership.of(bar)));
            h.sync();

            org.replaceMembership(ann, 0, Membership.of(bar)); // Ziik moves members out before deleting a unit
            org.deleteUnit(kitchen);
            UnitsReconciler.Result result = new Live(h, 2).units();

            assertThat(result.report().problems()).isEmpty();
            assertThat(result.users()).as("only the deleted department's members are planned").containsExactly((long) ann);
            assertThat(h.learningbank.state().departments()).extracting(d -> d.name()).doesNotContain("Kitchen");
            assertThat(h.learningbank.state().findUserByEmail("ann@example.com").orElseThrow().departmentIds())
                    .containsExactly(h.links.department(bar).orElseThrow());
            assertThat(h.sync().plan().writes()).isZero();
        }
    }

    @Test
    void theDeletionGuardHoldsTheTreesDeletionsForAFullSync() throws Exception {
        try (SyncHarness h = new SyncHarness(3)) {
            ZiikOrganisation org = h.ziik.organisation();
            int[] units = new int[12];
            for (int i = 0; i < units.length; i++) {
                units[i] = org.createUnit("Unit " + i, org.topUnitId());
            }
            h.sync();
            for (int unit : units) {
                org.deleteUnit(unit);
            }
            UnitsReconciler.Result result = new Live(h, 3).units();
            assertThat(result.needsFullSync()).isTrue();
            assertThat(h.learningbank.state().departments()).as("nothing deleted").hasSize(13);
        }
    }

    /** Runs the live reconcilers as the service's LiveSync does. */
    private static final class Live {
        private final SyncHarness h;
        private final Random random;
        boolean fullSyncWanted;
        /** Units the last tree reconcile found in a name conflict. */
        private Set<Long> conflicted = Set.of();

        Live(SyncHarness h, long seed) {
            this.h = h;
            this.random = new Random(seed);
        }

        UnitsReconciler.Result units() throws InterruptedException {
            UnitsReconciler.Result result = new UnitsReconciler(h.ziikClient(), h.learningbankClient(), h.links, h.policy,
                    Clock.systemUTC(), d -> { }, random).reconcile(h.settings, r -> { });
            assertThat(result.report().aborted()).isFalse();
            fullSyncWanted |= result.needsFullSync();
            conflicted = result.nameConflicts();
            return result;
        }

        Set<Long> roles() throws InterruptedException {
            return new RolesReconciler(h.ziikClient(), h.learningbankClient(), h.links, h.policy,
                    Clock.systemUTC(), d -> { }, random).reconcile(h.settings, r -> { }).holders();
        }

        void user(long id) throws InterruptedException {
            UserReconciler users = new UserReconciler(h.ziikClient(), h.learningbankClient(), h.links, h.policy,
                    Clock.systemUTC(), d -> { }, random);
            UnitTree tree = new UnitTree(h.ziikClient().units());
            UserReconciler.Result result = users.reconcile(id, tree, conflicted, h.settings, true, r -> { });
            if (result.waiting()) {
                if (result.missing().contains(UserReconciler.Missing.UNITS)) {
                    units();
                }
                if (result.missing().contains(UserReconciler.Missing.ROLES)) {
                    roles();
                }
                result = users.reconcile(id, tree, h.settings, false, r -> { });
            }
            assertThat(result.report().aborted()).isFalse();
        }
    }
}
