package io.ziiklb.learningbank;

/** 404: no object with that id (it was deleted in Learningbank, or never existed). */
public final class LearningbankNotFoundException extends LearningbankException {
    LearningbankNotFoundException(String message) {
        super(404, "not_found", message, null);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
