package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With Learningbank failing in every way the contract allows (5xx, timeouts, 429s, lost responses
 * that applied the change) and Ziik rate limiting, a full synchronisation still converges: nothing
 * is duplicated, and what Learningbank and the links hold is what the oracle says, with the
 * deletion guard on and name conflicts, Ziik departments and adopted roles in the organisation.
 */
class FaultsIT {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void convergesWithoutDuplicatesDespiteFaults(long seed) throws Exception {
        try (SyncHarness h = new SyncHarness(seed)) {
            RandomOrganisation org = new RandomOrganisation(h.ziik.organisation(), seed,
                    new RandomOrganisation.Options(true, true, true, false));
            org.build(h.learningbank.state());
            LearningbankState.Snapshot original = h.learningbankNow();
            h.settings = SyncSettings.defaults().withExcludedEmails(Set.of(RandomOrganisation.EXCLUDED));
            Faults faults = Faults.none().withErrorRate(0.08).withLostResponseRate(0.08).withTimeouts(0.04, 30)
                    .withRateLimit(60, 5);

            h.learningbank.setFaults(faults);
            h.ziik.setFaults(Faults.none().withRateLimit(300, 30));
            FullSync.Result first = h.sync();
            org.synchronised();
            org.change(15);
            LearningbankState.Snapshot previous = h.learningbankNow();
            FullSync.Result second = h.sync();
            org.synchronised();

            h.learningbank.setFaults(Faults.none());
            h.ziik.setFaults(Faults.none());
            assertThat(h.learningbank.requestLog().byStatus()).as("the faults happened")
                    .containsKeys(0, 429, 500);
            assertThat(first.report().aborted()).isFalse();
            assertThat(second.report().aborted()).isFalse();
            assertThat(second.plan().guardTripped()).as("no deletion here is large enough for the guard").isFalse();
            List<String> problems = h.oracle(original, previous, org).recorded(SyncHarness.recorded(second)).problems();
            assertThat(problems).isEmpty();
            assertThat(h.writesDuring(h::sync)).as("nothing left to write to Learningbank").isZero();
        }
    }
}
