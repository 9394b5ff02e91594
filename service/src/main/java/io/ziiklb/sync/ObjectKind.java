package io.ziiklb.sync;

/** What a Ziik object becomes in Learningbank. */
public enum ObjectKind {
    DEPARTMENT("department"), PERMISSION_TYPE("permissionType"), USER("user");

    private final String wireName;

    ObjectKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the admin API and the activity log. */
    public String wireName() {
        return wireName;
    }
}
