package io.ziiklb.console;

import io.ziiklb.integration.Credentials;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.SettingsPatch;
import java.util.Arrays;
import java.util.List;

/**
 * The settings and credentials fields of the wizard's third step and of an integration's page, as
 * typed (so that a refused form comes back as it was). Passwords, tokens and secrets are never
 * filled in from what is stored: left empty on the integration's page, they stay as they are.
 */
public final class SettingsForm {
    public String ziikAddress = "";
    public String ziikUsername = "";
    public String ziikPassword = "";
    public String sharedSecret = "";
    public String lbAddress = "";
    public String lbUsername = "";
    public String lbPassword = "";
    public String lbToken = "";
    public boolean uniqueUnits;
    public boolean syncJobProfiles = true;
    public String excludedEmails = "";
    public String deletionGuardPercent = "20";
    public String deletionGuardMinimum = "10";
    public String fullSyncIntervalMinutes = "60";
    public String rolePollIntervalMinutes = "5";
    public String listSweepIntervalMinutes = "4";
    public String deepSweepIntervalMinutes = "30";
    public String sweepCallsPerMinute = "120";

    /** The form showing {@code s}; credentials left empty. */
    static SettingsForm of(IntegrationSettings s) {
        SettingsForm form = new SettingsForm();
        form.uniqueUnits = s.uniqueUnits();
        form.syncJobProfiles = s.syncJobProfiles();
        form.excludedEmails = String.join("\n", s.excludedEmails());
        form.deletionGuardPercent = Integer.toString(s.deletionGuardPercent());
        form.deletionGuardMinimum = Integer.toString(s.deletionGuardMinimum());
        form.fullSyncIntervalMinutes = Integer.toString(s.fullSyncIntervalMinutes());
        form.rolePollIntervalMinutes = Integer.toString(s.rolePollIntervalMinutes());
        form.listSweepIntervalMinutes = Integer.toString(s.listSweepIntervalMinutes());
        form.deepSweepIntervalMinutes = Integer.toString(s.deepSweepIntervalMinutes());
        form.sweepCallsPerMinute = Integer.toString(s.sweepCallsPerMinute());
        return form;
    }

    /** The settings as typed; a number that is not one is named in {@code errors} and left unchanged. */
    SettingsPatch settings(FormErrors errors) {
        List<String> emails = Arrays.stream(excludedEmails.split("\\R")).map(String::trim).filter(e -> !e.isEmpty()).toList();
        return new SettingsPatch(uniqueUnits, syncJobProfiles, emails,
                number("deletionGuardPercent", deletionGuardPercent, errors),
                number("deletionGuardMinimum", deletionGuardMinimum, errors),
                number("fullSyncIntervalMinutes", fullSyncIntervalMinutes, errors),
                number("rolePollIntervalMinutes", rolePollIntervalMinutes, errors),
                number("listSweepIntervalMinutes", listSweepIntervalMinutes, errors),
                number("deepSweepIntervalMinutes", deepSweepIntervalMinutes, errors),
                number("sweepCallsPerMinute", sweepCallsPerMinute, errors));
    }

    /** Ziik's credentials as typed for {@code baseUrl}; what is empty stays as stored. */
    Credentials.Ziik ziik(String baseUrl) {
        return new Credentials.Ziik(baseUrl, blankToNull(ziikUsername), blankToNull(ziikPassword), blankToNull(sharedSecret));
    }

    /** Learningbank's credentials as typed for {@code baseUrl}; what is empty stays as stored. */
    Credentials.Learningbank learningbank(String baseUrl) {
        return new Credentials.Learningbank(baseUrl, blankToNull(lbUsername), blankToNull(lbPassword), blankToNull(lbToken));
    }

    private static Integer number(String field, String typed, FormErrors errors) {
        try {
            return Integer.valueOf(typed.trim());
        } catch (NumberFormatException e) {
            errors.add(field, "must be a whole number");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
