package io.ziiklb.learningbank;

/**
 * Learningbank refused a call or did not answer. The subclass says which, and whether trying the
 * same call again later can help ({@link #transientFailure()}).
 */
public abstract sealed class LearningbankException extends RuntimeException
        permits LearningbankUnauthorizedException, LearningbankNotFoundException, LearningbankConflictException,
                LearningbankValidationException, LearningbankRateLimitedException, LearningbankUnavailableException {
    private final int status;
    private final String code;

    LearningbankException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, or 0 when no answer came back. */
    public int status() {
        return status;
    }

    /** Learningbank's error code, e.g. {@code duplicate_name}; {@code io_error} when no answer came back. */
    public String code() {
        return code;
    }

    public abstract boolean transientFailure();
}
