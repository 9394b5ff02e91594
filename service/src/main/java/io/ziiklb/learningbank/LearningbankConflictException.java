package io.ziiklb.learningbank;

/** 409: the call conflicts with Learningbank's state; {@link #kind()} says how. */
public final class LearningbankConflictException extends LearningbankException {

    /** The 409 codes of the contract. */
    public enum Kind {
        DUPLICATE_NAME, DUPLICATE_EMAIL, DUPLICATE_EXTERNAL_ID, DEPARTMENT_NOT_EMPTY, PROTECTED, USER_INACTIVE,
        /** a 409 code the contract does not list */
        OTHER;

        static Kind of(String code) {
            return switch (code == null ? "" : code) {
                case "duplicate_name" -> DUPLICATE_NAME;
                case "duplicate_email" -> DUPLICATE_EMAIL;
                case "duplicate_external_id" -> DUPLICATE_EXTERNAL_ID;
                case "department_not_empty" -> DEPARTMENT_NOT_EMPTY;
                case "protected" -> PROTECTED;
                case "user_inactive" -> USER_INACTIVE;
                default -> OTHER;
            };
        }
    }

    private final Kind kind;

    LearningbankConflictException(String code, String message) {
        super(409, code, message, null);
        this.kind = Kind.of(code);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
