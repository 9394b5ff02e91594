package io.ziiklb.sync;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The integration's settings that shape what Learningbank should hold.
 *
 * @param uniqueUnits     department name = {@code "<unit name> (<unit id>)"} (rule U3)
 * @param syncJobProfiles give users the job profile named like one of their roles (rule P5)
 * @param excludedEmails  users never created, changed or deactivated (rule P8); kept lower-case
 */
public record SyncSettings(boolean uniqueUnits, boolean syncJobProfiles, Set<String> excludedEmails,
                           DeletionGuard guard) {

    public SyncSettings {
        excludedEmails = excludedEmails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static SyncSettings defaults() {
        return new SyncSettings(false, true, Set.of(), DeletionGuard.defaults());
    }

    public boolean excluded(String email) {
        return email != null && excludedEmails.contains(email.trim().toLowerCase(Locale.ROOT));
    }

    public SyncSettings withUniqueUnits(boolean on) {
        return new SyncSettings(on, syncJobProfiles, excludedEmails, guard);
    }

    public SyncSettings withSyncJobProfiles(boolean on) {
        return new SyncSettings(uniqueUnits, on, excludedEmails, guard);
    }

    public SyncSettings withExcludedEmails(Set<String> emails) {
        return new SyncSettings(uniqueUnits, syncJobProfiles, emails, guard);
    }

    public SyncSettings withGuard(DeletionGuard newGuard) {
        return new SyncSettings(uniqueUnits, syncJobProfiles, excludedEmails, newGuard);
    }
}
