package io.ziiklb.simulator.learningbank;

import java.time.Instant;
import java.util.List;

/**
 * A platform user, as stored.
 *
 * @param externalId       null when not set; unique when set
 * @param email            unique, compared case-insensitively
 * @param departmentIds    at least one
 * @param jobProfileId     null when the user has none
 */
public record User(
        String id,
        String externalId,
        String email,
        String firstName,
        String lastName,
        boolean isActive,
        String language,
        List<String> departmentIds,
        List<String> permissionTypeIds,
        String jobProfileId,
        Instant createdAt,
        Instant updatedAt) {

    public User {
        departmentIds = List.copyOf(departmentIds);
        permissionTypeIds = List.copyOf(permissionTypeIds);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    User withUpdatedAt(Instant at) {
        return new User(id, externalId, email, firstName, lastName, isActive, language, departmentIds,
                permissionTypeIds, jobProfileId, createdAt, at);
    }

    User withPermissionTypeIds(List<String> ids) {
        return new User(id, externalId, email, firstName, lastName, isActive, language, departmentIds,
                ids, jobProfileId, createdAt, updatedAt);
    }
}
