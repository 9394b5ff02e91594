package io.ziiklb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings' ranges, exactly as the API promises them, each bound tested on both sides. */
class IntegrationSettingsTest {

    private static Map<String, List<String>> with(int percent, int minimum, int fullSync, int rolePoll) {
        return new IntegrationSettings(false, true, List.of(), percent, minimum, fullSync, rolePoll, 5, 30, 120).problems();
    }

    private static Map<String, List<String>> emails(List<String> emails) {
        return new IntegrationSettings(false, true, emails, 20, 10, 60, 5, 5, 30, 120).problems();
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(IntegrationSettings.defaults().problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0,0,0,0", "100,1000000,10080,1440", "0,0,5,1", "50,10,60,5"})
    void valuesOnTheBoundsAreAccepted(int percent, int minimum, int fullSync, int rolePoll) {
        assertThat(with(percent, minimum, fullSync, rolePoll)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "settings.deletionGuardPercent,-1,0,0,0", "settings.deletionGuardPercent,101,0,0,0",
            "settings.deletionGuardMinimum,0,-1,0,0", "settings.deletionGuardMinimum,0,1000001,0,0",
            "settings.fullSyncIntervalMinutes,0,0,-1,0", "settings.fullSyncIntervalMinutes,0,0,1,0",
            "settings.fullSyncIntervalMinutes,0,0,4,0", "settings.fullSyncIntervalMinutes,0,0,10081,0",
            "settings.rolePollIntervalMinutes,0,0,0,-1", "settings.rolePollIntervalMinutes,0,0,0,1441"})
    void valuesJustOutsideARangeNameTheirField(String field, int percent, int minimum, int fullSync, int rolePoll) {
        assertThat(with(percent, minimum, fullSync, rolePoll)).containsOnlyKeys(field);
    }

    @Test
    void everyFieldOutOfRangeIsNamedAtOnce() {
        assertThat(with(-1, -1, 3, 2000)).containsOnlyKeys("settings.deletionGuardPercent", "settings.deletionGuardMinimum",
                "settings.fullSyncIntervalMinutes", "settings.rolePollIntervalMinutes");
    }

    private static Map<String, List<String>> sweeps(int list, int deep, int calls) {
        return new IntegrationSettings(false, true, List.of(), 20, 10, 60, 5, list, deep, calls).problems();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"0,0,1", "1,5,6000", "1440,10080,120", "5,30,120"})
    void sweepSettingsOnTheBoundsAreAccepted(int list, int deep, int calls) {
        assertThat(sweeps(list, deep, calls)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "settings.listSweepIntervalMinutes,-1,30,120", "settings.listSweepIntervalMinutes,1441,30,120",
            "settings.deepSweepIntervalMinutes,5,-1,120", "settings.deepSweepIntervalMinutes,5,4,120",
            "settings.deepSweepIntervalMinutes,5,10081,120",
            "settings.sweepCallsPerMinute,5,30,0", "settings.sweepCallsPerMinute,5,30,6001"})
    void sweepSettingsJustOutsideTheirRangeNameTheirField(String field, int list, int deep, int calls) {
        assertThat(sweeps(list, deep, calls)).containsOnlyKeys(field);
    }

    @Test
    void settingsStoredBeforeTheSweepsReadAsTheirDefaults() {
        IntegrationSettings old = new SettingsPatch(true, null, null, null, null, 60, 5, null, null, null)
                .applyTo(IntegrationSettings.defaults());
        assertThat(List.of(old.listSweepIntervalMinutes(), old.deepSweepIntervalMinutes(), old.sweepCallsPerMinute()))
                .containsExactly(4, 30, 120);
    }

    @Test
    void everyBadExcludedEmailIsNamedByItsIndex() {
        Map<String, List<String>> problems = emails(Arrays.asList("ok@acme.test", "a@", "@b.c", "a b@c.d", null, "x@y.io"));
        assertThat(problems).containsOnlyKeys("settings.excludedEmails[1]", "settings.excludedEmails[2]",
                "settings.excludedEmails[3]", "settings.excludedEmails[4]");
        assertThat(problems.get("settings.excludedEmails[4]")).containsExactly("must be an email address, not null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@", "@b.c", "a b@c.d", "plain", "a@b", "a@@b.c", "a@b@c.d", "a@b..c", "a@-b.c", "a@b-.c",
            ".a@b.c", "a.@b.c", "a..b@c.d", "a@b.123", "a@b.c\n", "\"q\"@b.c", "a@[127.0.0.1]", "a@b_c.d", "", " "})
    void notAnEmailAddress(String email) {
        assertThat(FieldRules.email(email)).as(email).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.c", "first.last+tag@sub.acme.test", "o'brien@acme.io", "x_y-z@a-b.co", "jörg@müller.de",
            "123@acme.test"})
    void anEmailAddress(String email) {
        assertThat(FieldRules.email(email)).as(email).isTrue();
    }

    @Test
    void tooLongAnAddressOrLocalPartIsRefused() {
        assertThat(FieldRules.email("a".repeat(65) + "@b.c")).isFalse();
        assertThat(FieldRules.email("a@" + "b".repeat(250) + ".c")).isFalse();
        assertThat(FieldRules.email("a".repeat(64) + "@b.c")).isTrue();
    }

    @Test
    void atMost1000ExcludedEmails() {
        assertThat(emails(Collections.nCopies(1000, "a@b.c"))).isEmpty();
        assertThat(emails(Collections.nCopies(1001, "a@b.c")))
                .containsExactly(Map.entry("settings.excludedEmails", List.of("must hold at most 1000 addresses")));
    }

    @Test
    void aNullAddressIsKeptForTheCheckInsteadOfFailing() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        IntegrationSettings settings = new SettingsPatch(null, null, withNull, null, null, null, null, null, null, null)
                .applyTo(IntegrationSettings.defaults());
        assertThat(settings.problems()).containsOnlyKeys("settings.excludedEmails[0]");
    }
}
