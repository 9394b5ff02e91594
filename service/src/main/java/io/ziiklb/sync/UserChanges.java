package io.ziiklb.sync;

import java.util.ArrayList;
import java.util.List;

/** Names the fields a {@link UserTarget} writes, for summaries. */
final class UserChanges {
    private UserChanges() {
    }

    static String describe(UserTarget t) {
        List<String> fields = new ArrayList<>();
        if (t.externalId() != null) fields.add("external id");
        if (t.email() != null) fields.add("email");
        if (t.firstName() != null || t.lastName() != null) fields.add("name");
        if (t.active() != null) fields.add(t.active() ? "reactivate" : "deactivate");
        if (t.language() != null) fields.add("language");
        if (t.departments() != null) fields.add("departments");
        if (t.permissionTypes() != null) fields.add("permission types");
        if (t.jobProfileId() != null) fields.add("job profile");
        return String.join(", ", fields);
    }
}
