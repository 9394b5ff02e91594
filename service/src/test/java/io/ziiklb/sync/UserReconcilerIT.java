package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.LearningbankState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reconciling one user at a time gives what a full synchronisation gives: after random changes to
 * users, reconciling each touched user leaves Learningbank and the links as the oracle says, and a
 * full synchronisation afterwards writes nothing to Learningbank.
 */
class UserReconcilerIT {

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneUserAtATimeConvergesLikeAFullSync(long seed) throws Exception {
        try (SyncHarness h = new SyncHarness(seed)) {
            RandomOrganisation org = new RandomOrganisation(h.ziik.organisation(), seed,
                    new RandomOrganisation.Options(true, seed % 2 == 0, false, false));
            org.build(h.learningbank.state());
            LearningbankState.Snapshot original = h.learningbankNow();
            h.settings = SyncSettings.defaults().withExcludedEmails(Set.of(RandomOrganisation.EXCLUDED));
            FullSync.Result first = h.sync();
            org.synchronised();

            org.changeUsers(10 + (int) (seed % 10));
            LearningbankState.Snapshot previous = h.learningbankNow();
            UnitTree tree = new UnitTree(h.ziikClient().units());
            UserReconciler reconciler = new UserReconciler(h.context(SyncHarness.noSleep(new java.util.Random(seed))));
            // what the first synchronisation recorded (the tree's name conflicts, untouched users' warnings), then the reconciles
            List<Problem> recorded = new ArrayList<>(SyncHarness.recorded(first));
            for (long user : org.takeTouched()) {
                UserReconciler.Result result = reconciler.reconcile(user, tree, first.plan().problems().stream()
                        .filter(p -> p.code().equals("name_conflict")).map(Problem::ziikId)
                        .collect(java.util.stream.Collectors.toSet()), h.settings, false, r -> { });
                assertThat(result.report().aborted()).isFalse();
                assertThat(result.missing()).as("every unit and role is linked here").isEmpty();
                recorded.addAll(result.plan().problems());
                recorded.addAll(result.report().problems());
            }
            org.synchronised();

            List<String> problems = h.oracle(original, previous, org).recorded(recorded).problems();
            assertThat(problems).isEmpty();
            assertThat(h.writesDuring(h::sync)).as("a full synchronisation finds nothing left to write").isZero();
        }
    }
}
