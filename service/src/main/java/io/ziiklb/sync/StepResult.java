package io.ziiklb.sync;

/**
 * What one step did.
 *
 * @param learningbankId the Learningbank object it concerned, when known
 * @param problem        set when the outcome is {@link StepOutcome#FAILED} or the step succeeded with a caveat
 */
public record StepResult(Plan.Step step, StepOutcome outcome, String learningbankId, Problem problem) {

    static StepResult of(Plan.Step step, StepOutcome outcome, String learningbankId) {
        return new StepResult(step, outcome, learningbankId, null);
    }

    static StepResult failed(Plan.Step step, String learningbankId, String code, String message) {
        Operation op = step.operation();
        return new StepResult(step, StepOutcome.FAILED, learningbankId, new Problem(op.kind(), op.ziikId(), code, message));
    }
}
