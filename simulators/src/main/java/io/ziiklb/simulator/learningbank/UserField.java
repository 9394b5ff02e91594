package io.ziiklb.simulator.learningbank;

/** The writable fields of a user, by wire name and JSON kind. */
enum UserField {
    EXTERNAL_ID("external_id", Kind.STRING, true),
    EMAIL("email", Kind.STRING, false),
    FIRST_NAME("first_name", Kind.STRING, false),
    LAST_NAME("last_name", Kind.STRING, false),
    IS_ACTIVE("is_active", Kind.BOOLEAN, false),
    LANGUAGE("language", Kind.STRING, false),
    DEPARTMENT_IDS("department_ids", Kind.STRING_LIST, false),
    PERMISSION_TYPE_IDS("permission_type_ids", Kind.STRING_LIST, false),
    JOB_PROFILE_ID("job_profile_id", Kind.STRING, true);

    enum Kind { STRING, BOOLEAN, STRING_LIST }

    final String wireName;
    final Kind kind;
    /** Whether JSON {@code null} is a value (clearing the field) rather than a validation error. */
    final boolean nullable;

    UserField(String wireName, Kind kind, boolean nullable) {
        this.wireName = wireName;
        this.kind = kind;
        this.nullable = nullable;
    }
}
