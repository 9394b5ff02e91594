package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import org.junit.jupiter.api.Test;

/** A full synchronisation through both simulators, over real HTTP. */
class FullSyncIT {

    @Test
    void firstSyncCreatesEverythingWithOneWriteEachAndASecondWritesNothing() {
        try (SyncHarness h = new SyncHarness(3)) {
            OrganisationGenerator.Summary org = OrganisationGenerator.populate(h.ziik.organisation(), 400, 3);
            h.learningbank.state().seedJobProfile("Chef", false);

            FullSync.Result first = h.sync();
            assertThat(first.report().aborted()).isFalse();
            assertThat(first.report().problems()).allSatisfy(p ->
                    assertThat(p.code()).isIn("name_conflict", "language_unsupported"));
            LearningbankState lb = h.learningbank.state();
            int people = org.users() + 1; // the generator's users and the integration's admin account
            assertThat(lb.users()).hasSize(people);
            assertThat(lb.users()).extracting(io.ziiklb.simulator.learningbank.User::externalId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("ziik:"));
            // one write per created department, permission type and user: no follow-up patches
            long created = first.report().count(StepOutcome.CREATED);
            assertThat(h.learningbank.requestLog().writes()).isEqualTo(created);
            assertThat(h.learningbank.requestLog().count("POST", "/api/v1/users")).isEqualTo(people);
            assertThat(h.learningbank.requestLog().count("PATCH", "/api/v1/users/{id}")).isZero();

            h.learningbank.requestLog().reset();
            FullSync.Result second = h.sync();
            assertThat(second.plan().writes()).isZero();
            assertThat(h.learningbank.requestLog().writes()).isZero();
        }
    }
}
