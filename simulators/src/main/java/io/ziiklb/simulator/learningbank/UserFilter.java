package io.ziiklb.simulator.learningbank;

import java.util.Locale;

/**
 * The filters of {@code GET /users}; null means "not filtered". {@code email} matches
 * case-insensitively, {@code externalId} exactly.
 */
record UserFilter(String externalId, String email, String departmentId, Boolean isActive) {

    static final UserFilter NONE = new UserFilter(null, null, null, null);

    boolean test(User user) {
        return (externalId == null || externalId.equals(user.externalId()))
                && (email == null || email.toLowerCase(Locale.ROOT).equals(user.email().toLowerCase(Locale.ROOT)))
                && (departmentId == null || user.departmentIds().contains(departmentId))
                && (isActive == null || isActive == user.isActive());
    }
}
