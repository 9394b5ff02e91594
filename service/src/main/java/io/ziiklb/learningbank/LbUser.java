package io.ziiklb.learningbank;

import java.util.List;

/** A Learningbank user as the API returns it. */
public record LbUser(String id, String externalId, String email, String firstName, String lastName,
                     boolean active, String language, List<String> departmentIds,
                     List<String> permissionTypeIds, String jobProfileId) {
    public LbUser {
        departmentIds = List.copyOf(departmentIds);
        permissionTypeIds = List.copyOf(permissionTypeIds);
    }
}
