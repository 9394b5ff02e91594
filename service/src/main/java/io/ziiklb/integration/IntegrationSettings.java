package io.ziiklb.integration;

import io.ziiklb.sync.DeletionGuard;
import io.ziiklb.sync.SyncSettings;
import java.util.List;
import java.util.Set;

/** An integration's settings, as the admin API shows and takes them. */
public record IntegrationSettings(boolean uniqueUnits, boolean syncJobProfiles, List<String> excludedEmails,
                                  int deletionGuardPercent, int deletionGuardMinimum,
                                  int fullSyncIntervalMinutes, int rolePollIntervalMinutes) {

    public IntegrationSettings {
        excludedEmails = excludedEmails == null ? List.of() : List.copyOf(excludedEmails);
    }

    public static IntegrationSettings defaults() {
        return new IntegrationSettings(false, true, List.of(), 20, 10, 60, 5);
    }

    /** The part the sync engine needs. */
    public SyncSettings toSyncSettings() {
        return new SyncSettings(uniqueUnits, syncJobProfiles, Set.copyOf(excludedEmails),
                new DeletionGuard(deletionGuardPercent, deletionGuardMinimum));
    }

    /** Names each field that is out of range; empty when all are fine. */
    public java.util.Map<String, List<String>> problems() {
        java.util.Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        if (deletionGuardPercent < 0 || deletionGuardPercent > 100) {
            problems.put("settings.deletionGuardPercent", List.of("must be between 0 and 100"));
        }
        if (deletionGuardMinimum < 0) {
            problems.put("settings.deletionGuardMinimum", List.of("must not be negative"));
        }
        if (fullSyncIntervalMinutes < 0) {
            problems.put("settings.fullSyncIntervalMinutes", List.of("must not be negative (0 turns it off)"));
        }
        if (rolePollIntervalMinutes < 0) {
            problems.put("settings.rolePollIntervalMinutes", List.of("must not be negative (0 turns it off)"));
        }
        for (String email : excludedEmails) {
            if (email == null || !email.contains("@")) {
                problems.put("settings.excludedEmails", List.of("\"" + email + "\" is not an email address"));
            }
        }
        return problems;
    }
}
