package io.ziiklb.learningbank;

/** 401: the API key (username, password or token) is wrong or revoked. */
public final class LearningbankUnauthorizedException extends LearningbankException {
    LearningbankUnauthorizedException(String message) {
        super(401, "unauthorized", message, null);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
