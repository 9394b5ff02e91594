package io.ziiklb.jobs;

import java.util.List;

/**
 * What an admin's reconcile of one Ziik object did, step by step, in plain words (Entra ID's
 * "provision on demand"): reading it from Ziik, matching it to Learningbank, applying.
 *
 * @param status         whether it was reconciled at all
 * @param steps          the steps reached, in order; empty unless {@link Status#DONE}
 * @param learningbankId the linked Learningbank object afterwards, when there is one
 * @param action         what was done: {@code create}, {@code update}, {@code link}, {@code deactivate},
 *                       {@code delete}, or {@code none}
 */
public record OnDemandResult(Status status, List<Step> steps, String learningbankId, String action) {
    public static final String READ = "read from Ziik";
    public static final String MATCH = "match";
    public static final String APPLY = "apply";

    public OnDemandResult {
        steps = List.copyOf(steps);
    }

    public enum Status {
        DONE,
        /** Ziik has no such object, and none is linked: nothing to reconcile. */
        UNKNOWN,
        /** The integration has had no full synchronisation yet: the admin initiates one first. */
        NEVER_SYNCHRONISED
    }

    /**
     * @param step    {@link #READ}, {@link #MATCH} or {@link #APPLY}
     * @param outcome a stable word: read {@code found}, {@code gone}, {@code excluded}, {@code not mirrored};
     *                match {@code linked}, {@code matched by external id}, {@code matched by email},
     *                {@code new}; apply {@code created}, {@code updated}, {@code deactivated},
     *                {@code deleted}, {@code held}, {@code unchanged}; any step {@code failed} or
     *                {@code skipped}
     * @param message what happened, for people (Learningbank's reason when it refused)
     */
    public record Step(String step, String outcome, String message) {
    }

    static OnDemandResult unknown() {
        return new OnDemandResult(Status.UNKNOWN, List.of(), null, "none");
    }

    static OnDemandResult neverSynchronised() {
        return new OnDemandResult(Status.NEVER_SYNCHRONISED, List.of(), null, "none");
    }

    /** Learningbank's reasons, said once ("Learningbank refused: Learningbank refused POST ..." says it twice). */
    static String refusal(List<String> reasons) {
        String joined = String.join("; ", reasons);
        return joined.startsWith("Learningbank") ? joined : "Learningbank refused: " + joined;
    }

    /** Whether a step failed. */
    public boolean failed() {
        return steps.stream().anyMatch(s -> "failed".equals(s.outcome()));
    }
}
