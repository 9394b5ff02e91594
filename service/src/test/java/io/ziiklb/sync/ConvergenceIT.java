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
 * For many seeded random organisations and random changes, after a full synchronisation Learningbank
 * is what {@link SyncOracle} (written from the rules alone) says, and a further synchronisation
 * writes nothing.
 */
class ConvergenceIT {
    static final int SEEDS = Integer.getInteger("ziiklb.convergence.seeds", 200);

    static Stream<Long> seeds() {
        Long one = Long.getLong("ziiklb.convergence.seed");
        return one != null ? Stream.of(one) : LongStream.range(0, SEEDS).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void converges(long seed) throws Exception {
        try (SyncHarness h = new SyncHarness(seed)) {
            boolean uniqueFirst = seed % 2 == 0;
            boolean uniqueLater = seed % 4 == 1 ? !uniqueFirst : uniqueFirst; // some seeds toggle unique units
            RandomOrganisation org = new RandomOrganisation(h.ziik.organisation(), h.ziikClient(), seed,
                    !uniqueFirst || !uniqueLater);
            org.build(h.learningbank.state());
            LearningbankState.Snapshot before = h.learningbank.state().snapshot();
            h.settings = SyncSettings.defaults().withUniqueUnits(uniqueFirst).withGuard(DeletionGuard.off())
                    .withExcludedEmails(Set.of(RandomOrganisation.EXCLUDED));

            FullSync.Result first = h.sync();
            org.synchronised();
            check(h, org, before, uniqueFirst, "after the first synchronisation; the sync recorded " + recorded(first));

            org.change(5 + (int) (seed % 16));
            h.settings = h.settings.withUniqueUnits(uniqueLater);
            FullSync.Result second = h.sync();
            org.synchronised();
            check(h, org, before, uniqueLater, "after changes; the sync recorded " + recorded(second));

            h.learningbank.requestLog().reset();
            FullSync.Result again = h.sync();
            assertThat(again.plan().steps()).as("a synchronisation of an unchanged organisation plans nothing").isEmpty();
            assertThat(h.learningbank.requestLog().writes()).isZero();
        }
    }

    private static List<Problem> recorded(FullSync.Result result) {
        List<Problem> all = new java.util.ArrayList<>(result.plan().problems());
        all.addAll(result.report().problems());
        return all.stream().filter(p -> !p.code().equals("language_unsupported")).toList();
    }

    private static void check(SyncHarness h, RandomOrganisation org, LearningbankState.Snapshot before, boolean unique,
                              String when) throws InterruptedException {
        ZiikSnapshot truth = h.reader().readZiik(h.ziikClient(), n -> { }, n -> { });
        List<String> problems = new SyncOracle(truth, before, h.learningbank.state().snapshot(), unique,
                Set.of(RandomOrganisation.EXCLUDED), org.gone(), org.everRoleNames(), org.firstContact()).problems();
        assertThat(problems).as(when).isEmpty();
    }
}
