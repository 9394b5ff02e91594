package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.jobs.LiveSync;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.http.RequestLog;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service's live synchronisation ({@link LiveSync}, built on real stores by {@link LiveService})
 * brings Learningbank where a full synchronisation would: after seeded random changes of every kind,
 * a unit hint, a role poll and a hint for each touched user, worked through the queue, leave
 * Learningbank and the links as the oracle says, and a full synchronisation afterwards writes
 * nothing to Learningbank. The deletion guard is on. Members that deleting a unit moved out are
 * reached without a hint of their own.
 */
class LiveReconcileIT {
    private static final String USERS = "/api/v1/users";
    static Stream<Long> seeds() {
        Long one = Long.getLong("ziiklb.convergence.seed");
        return one != null ? Stream.of(one) : LongStream.range(0, 60).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void liveReconcilesConvergeLikeAFullSync(long seed) throws Exception {
        try (SyncHarness h = new SyncHarness(seed)) {
            boolean unique = seed % 2 == 0;
            RandomOrganisation org = new RandomOrganisation(h.ziik.organisation(), seed,
                    new RandomOrganisation.Options(!unique, !unique, !unique, false));
            org.build(h.learningbank.state());
            LearningbankState.Snapshot original = h.learningbankNow();
            IntegrationSettings defaults = IntegrationSettings.defaults(); // the deletion guard on, at 20% and 10
            IntegrationSettings settings = new IntegrationSettings(unique, true, List.of(RandomOrganisation.EXCLUDED),
                    defaults.deletionGuardPercent(), defaults.deletionGuardMinimum(), 0, 0, 0, 0,
                    defaults.sweepCallsPerMinute());
            try (LiveService service = new LiveService(h.ziik, h.learningbank, settings)) {
                service.fullSync();
                org.synchronised();
                org.takeTouched();

                org.change(5 + (int) (seed % 16));
                LearningbankState.Snapshot previous = h.learningbankNow();
                service.hint("unit", 0); // a unit.* delivery (LiveSync coalesces them into one tree reconcile)
                service.drain();
                service.pollRoles();
                service.drain();
                for (long user : org.takeTouched()) { // a user.* delivery for each user a change touched
                    service.hint("user", user);
                }
                service.drain();
                org.synchronised();
                assertThat(service.queueStatus().pending()).as("every hint was worked").isZero();

                h.settings = settings.toSyncSettings();
                List<String> problems = new SyncOracle(h.ziik.organisation().view(), original, previous,
                        h.learningbankNow(), h.settings).links(service.links()).recorded(service.recordedProblems())
                        .firstContact(org.firstContact()).roleNames(org.roleNames()).problems();
                assertThat(problems).isEmpty();
                assertThat(h.writesDuring(service::fullSync)).as("a full synchronisation finds nothing left to write")
                        .isZero();
            }
        }
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

    @Test
    void U6_anUnchangedTreeWithAConflictReadsNoUsersAndWritesNothing() throws Exception {
        try (SyncHarness h = new SyncHarness(4)) {
            ZiikOrganisation org = h.ziik.organisation();
            int kitchen = org.createUnit("Kitchen", org.topUnitId());
            h.learningbank.state().seedDepartment("Kitchen", null); // not ziiklb's: Kitchen is in a name conflict
            org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
            h.sync();
            assertThat(h.links.conflictPlacements()).as("the full synchronisation records where Kitchen's members went")
                    .isEqualTo(java.util.Map.of((long) kitchen, h.learningbank.state().topDepartmentId()));
            RequestLog log = h.learningbank.requestLog();

            log.reset();
            UnitsReconciler.Result result = new Live(h, 4).units();
            assertThat(result.nameConflicts()).containsExactly((long) kitchen);
            assertThat(result.replacing()).isEmpty();
            assertThat(log.writes()).isZero();
            assertThat(log.count("GET", USERS)).as("no placement changed: no department's users are read").isZero();
        }
    }

    @Test
    void U6_membersAreReplacedWhenAConflictedAncestorBetweenIsResolved() throws Exception {
        try (SyncHarness h = new SyncHarness(5)) {
            ZiikOrganisation org = h.ziik.organisation();
            int store = org.createUnit("Store", org.topUnitId());
            int kitchen = org.createUnit("Kitchen", store);
            h.learningbank.state().seedDepartment("Store", null);
            h.learningbank.state().seedDepartment("Kitchen", null);
            int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
            int bob = org.createUser(NewUser.of("Bob", "Dahl", "bob@example.com", Membership.of(org.topUnitId())));
            h.learningbank.state().seedUser(io.ziiklb.simulator.learningbank.NewUser.of("hr:lena", "lena@example.com",
                    "Lena", "Holm", List.of(h.learningbank.state().topDepartmentId()))); // not ziiklb's
            h.sync();
            assertThat(departmentsOf(h, "ann@example.com")).containsExactly(h.learningbank.state().topDepartmentId());

            org.renameUnit(store, "Depot"); // Store gets its department: Kitchen's nearest linked ancestor changes
            h.learningbank.requestLog().reset();
            Live live = new Live(h, 5);
            UnitsReconciler.Result result = live.units();
            String depot = h.links.department(store).orElseThrow();
            assertThat(result.replacing()).as("the linked users of the department Kitchen's members left (the top)")
                    .containsExactlyInAnyOrder((long) ann, (long) bob, (long) org.adminUserId());
            assertThat(h.learningbank.requestLog().count("GET", USERS)).as("that one department's users, one page")
                    .isEqualTo(1);
            assertThat(h.links.conflictPlacements()).isEqualTo(java.util.Map.of((long) kitchen, depot));

            for (long user : result.replacing()) {
                live.user(user, result);
            }
            assertThat(departmentsOf(h, "ann@example.com")).containsExactly(depot);
            assertThat(departmentsOf(h, "bob@example.com")).containsExactly(h.learningbank.state().topDepartmentId());
            assertThat(h.sync().plan().writes()).isZero();
        }
    }

    @Test
    void U6_membersOfAConflictedUnitLeaveADeletedAncestorWithoutAReplace() throws Exception {
        try (SyncHarness h = new SyncHarness(6)) {
            ZiikOrganisation org = h.ziik.organisation();
            int store = org.createUnit("Store", org.topUnitId());
            int kitchen = org.createUnit("Kitchen", store);
            h.learningbank.state().seedDepartment("Kitchen", null);
            int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
            h.sync();
            assertThat(departmentsOf(h, "ann@example.com")).containsExactly(h.links.department(store).orElseThrow());

            org.moveUnit(kitchen, org.topUnitId()); // Ziik deletes only empty units
            org.deleteUnit(store);
            h.learningbank.requestLog().reset();
            UnitsReconciler.Result result = new Live(h, 6).units();
            assertThat(result.users()).as("read and planned as a user of the deleted department").containsExactly((long) ann);
            assertThat(h.learningbank.requestLog().count("GET", USERS)).as("the deleted department's users, read once")
                    .isEqualTo(1);
            assertThat(result.replacing()).as("nothing left to re-place").isEmpty();
            assertThat(departmentsOf(h, "ann@example.com")).containsExactly(h.learningbank.state().topDepartmentId());
            assertThat(h.links.conflictPlacements())
                    .isEqualTo(java.util.Map.of((long) kitchen, h.learningbank.state().topDepartmentId()));
            assertThat(h.sync().plan().writes()).isZero();
        }
    }

    @Test
    void U6_aMemberReplacedOnAnotherInstanceIsPlacedByTheMovedTree() throws Exception {
        try (SyncHarness h = new SyncHarness(7)) {
            ZiikOrganisation org = h.ziik.organisation();
            int kitchen = org.createUnit("Kitchen", org.topUnitId());
            int bar = org.createUnit("Bar", org.topUnitId());
            h.learningbank.state().seedDepartment("Kitchen", null);
            org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen)));
            try (LiveService first = new LiveService(h.ziik, h.learningbank, IntegrationSettings.defaults());
                 LiveService second = first.anotherInstance(h.ziik, h.learningbank)) {
                first.fullSync();
                second.hint("unit", 0);
                second.drain(); // the second instance keeps a tree with Kitchen, in its conflict, under the top
                String barDepartment = first.links().units().get((long) bar);

                org.moveUnit(kitchen, bar);
                first.hint("unit", 0);
                assertThat(first.workOne()).as("the first instance reconciles the tree and queues Ann").isTrue();
                second.drain(); // the second places Ann: by the tree the first read, not the one it kept
                assertThat(departmentsOf(h, "ann@example.com")).containsExactly(barDepartment);
                assertThat(first.queueStatus().pending()).isZero();
            }
        }
    }

    private static List<String> departmentsOf(SyncHarness h, String email) {
        return h.learningbank.state().findUserByEmail(email).orElseThrow().departmentIds();
    }

    /** The tree reconcile alone, the class the focused tests above are about. */
    private static final class Live {
        private final SyncHarness h;
        private final Random random;

        Live(SyncHarness h, long seed) {
            this.h = h;
            this.random = new Random(seed);
        }

        UnitsReconciler.Result units() throws InterruptedException {
            UnitsReconciler.Result result = new UnitsReconciler(h.context(SyncHarness.noSleep(random))).reconcile(h.settings, r -> { });
            assertThat(result.report().aborted()).isFalse();
            return result;
        }

        /** The one-user reconcile LiveSync queues for a re-placed user, with the tree the reconcile read. */
        void user(long ziikUser, UnitsReconciler.Result units) throws InterruptedException {
            UserReconciler.Result result = new UserReconciler(h.context(SyncHarness.noSleep(random))).reconcile(ziikUser, units.tree(), units.nameConflicts(),
                    h.settings, true, r -> { });
            assertThat(result.waiting()).isFalse();
            assertThat(result.report().problems()).isEmpty();
        }
    }
}
