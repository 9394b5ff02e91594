package io.ziiklb.learningbank;

/** Filters of {@code GET /users}; null means "any". */
public record LbUserFilter(String externalId, String email, String departmentId, Boolean active) {

    public static LbUserFilter all() {
        return new LbUserFilter(null, null, null, null);
    }

    public static LbUserFilter byExternalId(String externalId) {
        return new LbUserFilter(externalId, null, null, null);
    }

    public static LbUserFilter byEmail(String email) {
        return new LbUserFilter(null, email, null, null);
    }
}
