package io.ziiklb.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.sync.ExecutionReport;
import io.ziiklb.sync.Operation;
import io.ziiklb.sync.Plan;
import io.ziiklb.sync.Problem;
import io.ziiklb.sync.StepOutcome;
import io.ziiklb.sync.StepResult;
import io.ziiklb.sync.SyncSettings;
import io.ziiklb.sync.UserReconciler;
import io.ziiklb.sync.UserTarget;
import io.ziiklb.sync.ZiikPerson;
import io.ziiklb.ziik.ZiikUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a one-user reconcile is put in words, from what it planned and what applying it did. */
class OneUserStepsTest {
    private static final ZiikPerson ANN = new ZiikPerson(new ZiikUser(7, "Ann", "Berg", "ann@example.com", true, "en"), List.of());

    @Test
    void aLinkWithoutAnExternalIdToWrite_wasAMatchByExternalId_andOneWithIt_byEmail() {
        Operation byExternalId = new Operation.UpdateUser(7, "u-1", true, target(null, "Ann"));
        Operation byEmail = new Operation.UpdateUser(7, "u-1", true, target("ziik:7", null));

        assertThat(explain(byExternalId, StepOutcome.UPDATED).steps().get(1).outcome()).isEqualTo("matched by external id");
        assertThat(explain(byEmail, StepOutcome.UPDATED).steps().get(1).outcome()).isEqualTo("matched by email");
        assertThat(explain(byEmail, StepOutcome.UPDATED).action()).isEqualTo("link");
    }

    @Test
    void aLinkThatWroteNothing_isLinked_notUpdated() {
        Operation linkOnly = new Operation.UpdateUser(7, "u-1", true, target(null, null));
        assertThat(explain(linkOnly, StepOutcome.LINKED).steps().get(2).outcome()).isEqualTo("linked");
    }

    @Test
    void aRefusal_isAFailedApply_withLearningbanksReasonOnce() {
        Operation create = new Operation.CreateUser(7, target("ziik:7", "Ann"));
        Plan plan = new Plan(List.of(new Plan.Step(0, create, List.of(), false)), List.of(), false);
        ExecutionReport report = new ExecutionReport(List.of(new StepResult(plan.steps().getFirst(), StepOutcome.FAILED, null,
                new Problem(create.kind(), 7, "validation_failed", "Learningbank refused POST /users (422): email"))), null);
        OnDemandResult result = OneUserSteps.explain(7, Optional.empty(), new UserReconciler.Result(plan, report, Set.of(), false, ANN),
                SyncSettings.defaults(), Optional.empty());

        assertThat(result.steps()).extracting(OnDemandResult.Step::outcome).containsExactly("found", "new", "failed");
        assertThat(result.steps().get(2).message()).isEqualTo("Learningbank refused POST /users (422): email");
        assertThat(result.failed()).isTrue();
    }

    @Test
    void nothingPlanned_forALinkedUser_isNothingToChange() {
        Plan plan = new Plan(List.of(), List.of(), false);
        OnDemandResult result = OneUserSteps.explain(7, Optional.of("u-1"),
                new UserReconciler.Result(plan, new ExecutionReport(List.of(), null), Set.of(), false, ANN),
                SyncSettings.defaults(), Optional.of("u-1"));
        assertThat(result.steps()).extracting(OnDemandResult.Step::outcome).containsExactly("found", "linked", "unchanged");
        assertThat(result.action()).isEqualTo("none");
        assertThat(result.learningbankId()).isEqualTo("u-1");
    }

    private static OnDemandResult explain(Operation op, StepOutcome outcome) {
        Plan plan = new Plan(List.of(new Plan.Step(0, op, List.of(), false)), List.of(), false);
        ExecutionReport report = new ExecutionReport(List.of(new StepResult(plan.steps().getFirst(), outcome, "u-1", null)), null);
        return OneUserSteps.explain(7, Optional.empty(), new UserReconciler.Result(plan, report, Set.of(), false, ANN),
                SyncSettings.defaults(), Optional.of("u-1"));
    }

    private static UserTarget target(String externalId, String firstName) {
        return new UserTarget(externalId, null, firstName, firstName == null ? null : "Berg", null, null, null, null, null);
    }
}
