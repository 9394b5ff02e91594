package io.ziiklb.learningbank;

import java.util.List;
import java.util.Map;

/**
 * 400 {@code bad_request} or 422 {@code validation_failed}: the request itself is wrong and will be
 * refused again as it is. {@link #fields()} names the offending fields when Learningbank says.
 */
public final class LearningbankValidationException extends LearningbankException {
    private final Map<String, List<String>> fields;

    LearningbankValidationException(int status, String code, String message, Map<String, List<String>> fields) {
        super(status, code, message, null);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, List<String>> fields() {
        return fields;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
