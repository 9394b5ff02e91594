package io.ziiklb.sync;

import java.util.Objects;
import java.util.Set;

/**
 * The code of a {@link Problem}, as stored and as the API shows it. The codes the service itself
 * gives are named here; a refused write carries Learningbank's own code (an open set:
 * {@code validation_failed}, {@code duplicate_email}, ...), so this is a value, not an enum.
 */
public record ProblemCode(String wireName) {
    /** Rule U6 (and R1): a unit or role whose name another one holds. */
    public static final ProblemCode NAME_CONFLICT = new ProblemCode("name_conflict");
    /** A unit or role without a name. */
    public static final ProblemCode INVALID_NAME = new ProblemCode("invalid_name");
    /** A user without an email address. */
    public static final ProblemCode MISSING_EMAIL = new ProblemCode("missing_email");
    /** Users passing their emails round (a to b, b to a): Learningbank holds an email on one user at a time. */
    public static final ProblemCode EMAIL_SWAP = new ProblemCode("email_swap");
    /** Rule P7: a language Learningbank does not have. */
    public static final ProblemCode LANGUAGE_UNSUPPORTED = new ProblemCode("language_unsupported");
    /** Rule U5: a department Learningbank refuses to delete. */
    public static final ProblemCode DELETE_BLOCKED = new ProblemCode("delete_blocked");
    /** An object gone from Learningbank while a step changed it. */
    public static final ProblemCode MISSING = new ProblemCode("missing");
    /** A step that failed for a reason of the service's own. */
    public static final ProblemCode INTERNAL_ERROR = new ProblemCode("internal_error");
    /**
     * The codes of Learningbank's transient failures ({@code LearningbankUnavailableException},
     * {@code LearningbankRateLimitedException}): a step that still failed so says Learningbank is
     * unwell, not that the object is wrong. A step's problem keeps only the code of its failure.
     */
    private static final Set<String> TRANSIENT = Set.of("server_error", "io_error", "rate_limited");

    public ProblemCode {
        Objects.requireNonNull(wireName);
    }

    /** The code of this problem. */
    public static ProblemCode of(Problem problem) {
        return new ProblemCode(problem.code());
    }

    /** Whether the problem has this code. */
    public boolean isCodeOf(Problem problem) {
        return wireName.equals(problem.code());
    }

    /** Whether the code says Learningbank failed transiently (see {@link #TRANSIENT}). */
    public boolean transientFailure() {
        return TRANSIENT.contains(wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
