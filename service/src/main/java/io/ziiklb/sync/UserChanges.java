package io.ziiklb.sync;

import java.util.ArrayList;
import java.util.List;

/** Names the fields a {@link UserTarget} writes, for summaries. */
final class UserChanges {
    private UserChanges() {
    }

    static String describe(UserTarget t) {
        return describe(t, Names.NONE);
    }

    /** The fields, with the units, roles and job profile they will hold by name where known. */
    static String describe(UserTarget t, Names names) {
        List<String> fields = new ArrayList<>();
        if (t.externalId() != null) fields.add("external id");
        if (t.email() != null) fields.add("email");
        if (t.firstName() != null || t.lastName() != null) fields.add("name");
        if (t.active() != null) fields.add(t.active() ? "reactivate" : "deactivate");
        if (t.language() != null) fields.add("language");
        if (t.departments() != null) fields.add(named("departments", names.unitList(t.departments())));
        if (t.permissionTypes() != null) fields.add(named("permission types", names.roleList(t.permissionTypes())));
        if (t.jobProfileId() != null) fields.add(named("job profile", names.jobProfile(t.jobProfileId())));
        return String.join(", ", fields);
    }

    /** Where a new user goes: {@code  in "Kitchen", "Bar" with "Chef"}, or nothing when no name is known. */
    static String placement(UserTarget t, Names names) {
        String units = names.unitList(t.departments());
        String roles = names.roleList(t.permissionTypes());
        return (units == null ? "" : " in " + units) + (roles == null ? "" : " with " + roles);
    }

    private static String named(String field, String names) {
        return names == null ? field : field + " (" + names + ")";
    }
}
