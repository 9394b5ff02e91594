package io.ziiklb.sync;

import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.learningbank.LbUser;
import java.util.List;

/** What Learningbank holds. Lists are in Learningbank's order. */
public record LbSnapshot(List<LbDepartment> departments, List<LbPermissionType> permissionTypes,
                         List<LbJobProfile> jobProfiles, List<LbUser> users) {
    public LbSnapshot {
        departments = List.copyOf(departments);
        permissionTypes = List.copyOf(permissionTypes);
        jobProfiles = List.copyOf(jobProfiles);
        users = List.copyOf(users);
    }

    public LbDepartment top() {
        return departments.stream().filter(LbDepartment::top).findFirst()
                .orElseThrow(() -> new IllegalStateException("Learningbank has no top department"));
    }
}
