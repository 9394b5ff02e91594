package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.http.RequestLog;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import org.junit.jupiter.api.Test;

/**
 * With both peers rate limiting, a first full synchronisation paces itself to their limits instead
 * of bouncing off them: a few calls are refused while the rate is learnt, not a fifth of them as
 * when a 429 paused everyone and the burst started again. Nothing is written twice. The buckets
 * hold a second of calls, as the bench's do (a much smaller burst makes the first cut low: see
 * {@code RatePacer}).
 */
class PacingIT {

    @Test
    void aFullSyncLearnsBothPeersLimitsAndIsRarelyRefused() {
        try (SyncHarness h = new SyncHarness(5)) {
            OrganisationGenerator.Summary org = OrganisationGenerator.populate(h.ziik.organisation(), 400, 3);
            h.learningbank.setFaults(Faults.none().withRateLimit(100, 100));
            h.ziik.setFaults(Faults.none().withRateLimit(200, 200));

            FullSync.Result first = h.sync();

            h.learningbank.setFaults(Faults.none());
            h.ziik.setFaults(Faults.none());
            assertThat(first.report().aborted()).isFalse();
            assertThat(refusedShare(h.learningbank.requestLog())).as("Learningbank calls answered 429").isLessThan(0.06);
            assertThat(refusedShare(h.ziik.requestLog())).as("Ziik calls answered 429").isLessThan(0.06);
            assertThat(h.learningbank.state().users()).as("every user made once").hasSize(org.users() + 1);
            try {
                assertThat(h.writesDuring(h::sync)).as("nothing left to write").isZero();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static double refusedShare(RequestLog log) {
        long total = log.byStatus().values().stream().mapToLong(Long::longValue).sum();
        return (double) log.byStatus().getOrDefault(429, 0L) / total;
    }
}
