package io.ziiklb.sync;

/** How a step ended. */
public enum StepOutcome {
    CREATED, UPDATED, DELETED, DEACTIVATED,
    /** links changed here, nothing was written to Learningbank */
    LINKED,
    /** Learningbank refused, or kept failing; recorded against the object (rule O3) */
    FAILED,
    /** held by the deletion guard (rule L6) */
    HELD,
    /** not run: the execution was aborted (credentials rejected, Learningbank down) */
    SKIPPED
}
