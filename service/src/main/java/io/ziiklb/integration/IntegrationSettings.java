package io.ziiklb.integration;

import io.ziiklb.sync.DeletionGuard;
import io.ziiklb.sync.SyncSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An integration's settings, as the admin API shows and takes them, and their ranges
 * ({@link #problems()}): the one place they are decided.
 */
public record IntegrationSettings(boolean uniqueUnits, boolean syncJobProfiles, List<String> excludedEmails,
                                  int deletionGuardPercent, int deletionGuardMinimum,
                                  int fullSyncIntervalMinutes, int rolePollIntervalMinutes,
                                  int listSweepIntervalMinutes, int deepSweepIntervalMinutes, int sweepCallsPerMinute) {
    static final int MAX_EXCLUDED_EMAILS = 1000;
    static final int MAX_GUARD_MINIMUM = 1_000_000;
    static final int MIN_FULL_SYNC_MINUTES = 5;
    static final int MAX_FULL_SYNC_MINUTES = 7 * 24 * 60;
    static final int MAX_ROLE_POLL_MINUTES = 24 * 60;
    static final int MAX_LIST_SWEEP_MINUTES = 24 * 60;
    static final int MIN_DEEP_SWEEP_MINUTES = 5;
    static final int MAX_DEEP_SWEEP_MINUTES = 7 * 24 * 60;
    /** 100 calls a second: far beyond what a sweep should ever need. */
    static final int MAX_SWEEP_CALLS_PER_MINUTE = 6_000;

    /** A null address in the list is kept, so that {@link #problems()} can name it rather than fail here. */
    public IntegrationSettings {
        excludedEmails = excludedEmails == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(excludedEmails));
    }

    public static IntegrationSettings defaults() {
        // a list sweep every 4 minutes: with the 15 s tick and the reconcile, a change it shows arrives within 5
        return new IntegrationSettings(false, true, List.of(), 20, 10, 60, 5, 4, 30, 120);
    }

    /** The part the sync engine needs. */
    public SyncSettings toSyncSettings() {
        return new SyncSettings(uniqueUnits, syncJobProfiles, Set.copyOf(excludedEmails),
                new DeletionGuard(deletionGuardPercent, deletionGuardMinimum));
    }

    /**
     * Every field out of range, by its name in the request ({@code settings.excludedEmails[2]});
     * empty when all are fine. Intervals are 0 for off, or within their range.
     */
    public Map<String, List<String>> problems() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        between(problems, "settings.deletionGuardPercent", deletionGuardPercent, 0, 100);
        between(problems, "settings.deletionGuardMinimum", deletionGuardMinimum, 0, MAX_GUARD_MINIMUM);
        offOrBetween(problems, "settings.fullSyncIntervalMinutes", fullSyncIntervalMinutes, MIN_FULL_SYNC_MINUTES,
                MAX_FULL_SYNC_MINUTES);
        offOrBetween(problems, "settings.rolePollIntervalMinutes", rolePollIntervalMinutes, 1, MAX_ROLE_POLL_MINUTES);
        offOrBetween(problems, "settings.listSweepIntervalMinutes", listSweepIntervalMinutes, 1, MAX_LIST_SWEEP_MINUTES);
        offOrBetween(problems, "settings.deepSweepIntervalMinutes", deepSweepIntervalMinutes, MIN_DEEP_SWEEP_MINUTES,
                MAX_DEEP_SWEEP_MINUTES);
        between(problems, "settings.sweepCallsPerMinute", sweepCallsPerMinute, 1, MAX_SWEEP_CALLS_PER_MINUTE);
        if (excludedEmails.size() > MAX_EXCLUDED_EMAILS) {
            FieldRules.add(problems, "settings.excludedEmails", "must hold at most " + MAX_EXCLUDED_EMAILS + " addresses");
        } else {
            for (int i = 0; i < excludedEmails.size(); i++) {
                String email = excludedEmails.get(i);
                if (!FieldRules.email(email)) {
                    FieldRules.add(problems, "settings.excludedEmails[" + i + "]",
                            email == null ? "must be an email address, not null" : "is not an email address");
                }
            }
        }
        return problems;
    }

    private static void between(Map<String, List<String>> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            FieldRules.add(problems, field, "must be between " + min + " and " + max);
        }
    }

    private static void offOrBetween(Map<String, List<String>> problems, String field, int value, int min, int max) {
        if (value != 0 && (value < min || value > max)) {
            FieldRules.add(problems, field, "must be 0 (off) or between " + min + " and " + max);
        }
    }
}
