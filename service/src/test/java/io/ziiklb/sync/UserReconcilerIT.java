package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.LearningbankState;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reconciling one user at a time gives what a full synchronisation gives: after random changes to
 * users, reconciling each touched user leaves Learningbank as the oracle says, and a full
 * synchronisation afterwards finds nothing to do.
 */
class UserReconcilerIT {

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneUserAtATimeConvergesLikeAFullSync(long seed) throws Exception {
        try (SyncHarness h = new SyncHarness(seed)) {
            RandomOrganisation org = new RandomOrganisation(h.ziik.organisation(), h.ziikClient(), seed, true);
            org.build(h.learningbank.state());
            LearningbankState.Snapshot before = h.learningbank.state().snapshot();
            h.settings = SyncSettings.defaults().withExcludedEmails(Set.of(RandomOrganisation.EXCLUDED));
            h.sync();
            org.synchronised();

            org.changeUsers(10 + (int) (seed % 10));
            UnitTree tree = new UnitTree(h.ziikClient().units());
            UserReconciler reconciler = new UserReconciler(h.ziikClient(), h.learningbankClient(), h.links, h.policy,
                    java.time.Clock.systemUTC(), d -> { }, new java.util.Random(seed));
            for (long user : org.takeTouched()) {
                UserReconciler.Result result = reconciler.reconcile(user, tree, h.settings, false, r -> { });
                assertThat(result.report().aborted()).isFalse();
                assertThat(result.missing()).as("every unit and role is linked here").isEmpty();
            }
            org.synchronised();

            ZiikSnapshot truth = h.reader().readZiik(h.ziikClient(), n -> { }, n -> { });
            List<String> problems = new SyncOracle(truth, before, h.learningbank.state().snapshot(), false,
                    Set.of(RandomOrganisation.EXCLUDED), org.gone(), org.everRoleNames(), org.firstContact()).problems();
            assertThat(problems).isEmpty();
            assertThat(h.sync().plan().writes()).as("a full synchronisation finds nothing left").isZero();
        }
    }
}
