package io.ziiklb.jobs;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.integration.SettingsPatch;
import io.ziiklb.integration.SyncRun;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The periodic work: full synchronisations and role polls, each when its interval has passed. */
class PeriodicFullSyncsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
    private final IntegrationStore integrations = new IntegrationStore(db.jdbc(), SecretBox.fromBase64(SecretBox.newKey()));
    private final SyncRunStore runs = new SyncRunStore(db.jdbc());
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> started = new ArrayList<>();
    private final PeriodicFullSyncs periodic = new PeriodicFullSyncs(integrations, runs, i -> started.add(i.id()), clock,
            Duration.ofMinutes(1));

    @AfterEach
    void close() {
        db.close();
    }

    private void integration(String id, boolean enabled, int intervalMinutes, Instant lastSync) {
        IntegrationSettings settings = new SettingsPatch(null, null, null, null, null, intervalMinutes, intervalMinutes, null, null, null)
                .applyTo(IntegrationSettings.defaults());
        integrations.insert(new Integration(id, enabled, "http://z", "a", "http://lb", "l", settings, T0, T0),
                new IntegrationSecrets("p", null, "p", "t", "w", "s"));
        if (lastSync != null) {
            runs.insert(new SyncRun(id + "-run", id, "done", "done", 0, 0, SyncRun.Counts.zero(), 0, null, lastSync, lastSync));
        }
    }

    @Test
    void startsThoseWhoseIntervalHasPassedAndOnlyThose() {
        integration("due", true, 60, T0.minus(Duration.ofMinutes(60)));
        integration("recent", true, 60, T0.minus(Duration.ofMinutes(59)));
        integration("never-synced", true, 60, null);
        integration("disabled", false, 60, T0.minus(Duration.ofDays(1)));
        integration("turned-off", true, 0, T0.minus(Duration.ofDays(1)));
        assertThat(periodic.tick()).isEqualTo(1);
        assertThat(started).containsExactly("due");
        clock.advance(Duration.ofMinutes(1));
        started.clear();
        periodic.tick();
        assertThat(started).containsExactlyInAnyOrder("due", "recent");
    }

    @Test
    void rolesArePolledOncePerIntervalAtTheirOwnPhaseForIntegrationsThatHaveSynchronised() {
        List<String> polled = new ArrayList<>();
        PeriodicRolePolls polls = new PeriodicRolePolls(integrations, runs, i -> polled.add(i.id()), clock, Duration.ofSeconds(5));
        integration("synced", true, 5, T0.minus(Duration.ofMinutes(1)));
        integration("never-synced", true, 5, null);
        integration("disabled", false, 5, T0);
        integration("turned-off", true, 0, T0);
        assertThat(polls.tick()).as("first seen: its roles wait for the start of its next period").isZero();
        Instant next = PeriodicRolePolls.periodStart("synced", Duration.ofMinutes(5), T0).plus(Duration.ofMinutes(5));
        clock.set(next.minusMillis(1));
        assertThat(polls.tick()).isZero();
        clock.set(next);
        assertThat(polls.tick()).isEqualTo(1);
        assertThat(polls.tick()).as("once per period").isZero();
        clock.set(next.plus(Duration.ofMinutes(5)).minusMillis(1));
        assertThat(polls.tick()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(polls.tick()).isEqualTo(1);
        assertThat(polled).containsExactly("synced", "synced");
    }

    @Test
    void integrationsSynchronisedTogetherAreNotPolledTogether() {
        PeriodicRolePolls polls = new PeriodicRolePolls(integrations, runs, i -> { }, clock, Duration.ofSeconds(5));
        for (int i = 0; i < 200; i++) {
            integration(java.util.UUID.nameUUIDFromBytes(("integration " + i).getBytes()).toString().substring(0, 30), true, 5, T0);
        }
        polls.tick();
        List<Integer> perTick = new ArrayList<>();
        for (int tick = 0; tick < 60; tick++) { // one five-minute interval, a tick every 5 s
            clock.advance(Duration.ofSeconds(5));
            perTick.add(polls.tick());
        }
        assertThat(perTick.stream().mapToInt(Integer::intValue).sum()).as("each once in the interval").isEqualTo(200);
        assertThat(perTick.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("about 200 / 60 a tick, never a crowd").isLessThanOrEqualTo(12);
    }
}
