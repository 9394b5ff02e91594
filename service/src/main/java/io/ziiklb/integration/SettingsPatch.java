package io.ziiklb.integration;

import java.util.List;

/** Settings an admin changes; a null field stays as it is. */
public record SettingsPatch(Boolean uniqueUnits, Boolean syncJobProfiles, List<String> excludedEmails,
                            Integer deletionGuardPercent, Integer deletionGuardMinimum,
                            Integer fullSyncIntervalMinutes, Integer rolePollIntervalMinutes,
                            Integer listSweepIntervalMinutes, Integer deepSweepIntervalMinutes, Integer sweepCallsPerMinute) {


    public IntegrationSettings applyTo(IntegrationSettings s) {
        return new IntegrationSettings(
                uniqueUnits != null ? uniqueUnits : s.uniqueUnits(),
                syncJobProfiles != null ? syncJobProfiles : s.syncJobProfiles(),
                excludedEmails != null ? excludedEmails : s.excludedEmails(),
                deletionGuardPercent != null ? deletionGuardPercent : s.deletionGuardPercent(),
                deletionGuardMinimum != null ? deletionGuardMinimum : s.deletionGuardMinimum(),
                fullSyncIntervalMinutes != null ? fullSyncIntervalMinutes : s.fullSyncIntervalMinutes(),
                rolePollIntervalMinutes != null ? rolePollIntervalMinutes : s.rolePollIntervalMinutes(),
                listSweepIntervalMinutes != null ? listSweepIntervalMinutes : s.listSweepIntervalMinutes(),
                deepSweepIntervalMinutes != null ? deepSweepIntervalMinutes : s.deepSweepIntervalMinutes(),
                sweepCallsPerMinute != null ? sweepCallsPerMinute : s.sweepCallsPerMinute());
    }
}
