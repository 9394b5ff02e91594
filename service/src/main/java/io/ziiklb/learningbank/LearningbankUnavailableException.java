package io.ziiklb.learningbank;

/**
 * A 5xx, a dropped connection, a timeout or an unreadable answer. Worth retrying. For a write,
 * {@link #mayHaveApplied()} says the change may have happened anyway (a lost response): look the
 * object up before creating it again.
 */
public final class LearningbankUnavailableException extends LearningbankException {
    private final boolean mayHaveApplied;

    LearningbankUnavailableException(int status, String message, boolean mayHaveApplied, Throwable cause) {
        super(status, status == 0 ? "io_error" : "server_error", message, cause);
        this.mayHaveApplied = mayHaveApplied;
    }

    public boolean mayHaveApplied() {
        return mayHaveApplied;
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
