package io.ziiklb.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.integration.SettingsPatch;
import io.ziiklb.integration.SweepStore;
import io.ziiklb.integration.SyncRun;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.queue.WorkKind;
import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sweeps' schedule and memory on a real database, the same on H2 and PostgreSQL: what is due
 * when, that of two instances ticking at once only one queues a sweep, and what the store keeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SweepScheduleContract {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private TestDatabase db;
    private IntegrationStore integrations;
    private SyncRunStore runs;
    private SweepStore sweeps;
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> queued = new CopyOnWriteArrayList<>();

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void open() {
        db = TestDatabase.create(kind());
        integrations = new IntegrationStore(db.jdbc(), SecretBox.fromBase64(SecretBox.newKey()));
        runs = new SyncRunStore(db.jdbc());
        sweeps = new SweepStore(db.jdbc(), new JdbcTemplate(db.dataSource()));
    }

    @AfterAll
    void close() {
        db.close();
    }

    /** One service instance's ticker; every instance shares the database. */
    private PeriodicSweeps instance() {
        return new PeriodicSweeps(integrations, runs, sweeps, (i, kind) -> queued.add(i.id() + " " + kind), clock,
                Duration.ofSeconds(15));
    }

    private void integration(String id, boolean enabled, boolean synchronised, Integer listMinutes, Integer deepMinutes) {
        IntegrationSettings settings = new SettingsPatch(null, null, null, null, null, 0, 0, listMinutes, deepMinutes, null)
                .applyTo(IntegrationSettings.defaults());
        integrations.insert(new Integration(id, enabled, "http://z", "a", "http://lb", "l", settings, T0, T0),
                new IntegrationSecrets("p", null, "p", "t", "w", "s"));
        if (synchronised) {
            runs.insert(new SyncRun(id + "-run", id, "done", "done", 0, 0, SyncRun.Counts.zero(), 0, null, clock.instant(),
                    clock.instant()));
        }
    }

    /** Each test meets only its own integrations. */
    @BeforeEach
    void forgetOthers() {
        integrations.list().forEach(i -> integrations.delete(i.id()));
        queued.clear();
    }

    @Test
    void ofTwoInstancesOneQueuesEachListSweep_dueAtOnceAfterTheFirstSync_thenEveryInterval() {
        integration("list", true, true, 5, 0);
        Instant first = clock.instant();
        PeriodicSweeps a = instance();
        PeriodicSweeps b = instance();
        assertThat(a.tick() + b.tick()).isEqualTo(1);
        assertThat(queued).containsExactly("list " + WorkKind.LIST_SWEEP);
        clock.advance(Duration.ofMinutes(4));
        assertThat(a.tick() + b.tick()).as("not due yet").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(b.tick() + a.tick()).isEqualTo(1);
        assertThat(queued).hasSize(2);
        assertThat(sweeps.claimList("list", first, clock.instant())).as("a claim on what another instance replaced fails").isFalse();
    }

    @Test
    void neverSynchronised_disabled_orTurnedOff_isNotSwept() {
        integration("never", true, false, 5, 30);
        integration("disabled", false, true, 5, 30);
        integration("off", true, true, 0, 30);
        PeriodicSweeps ticker = instance();
        assertThat(ticker.tick()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(ticker.tick()).as("the deep sweep of 'off' waits for a list baseline that never comes").isZero();
    }

    @Test
    void enabledAgainWithoutASynchronisationSince_isNotSwept_untilOneRuns() {
        integration("again", true, true, 5, 30);
        clock.advance(Duration.ofMinutes(1));
        integrations.markDisabled("again", clock.instant()); // disabled, then enabled again: L4 replays nothing
        PeriodicSweeps ticker = instance();
        assertThat(ticker.tick()).isZero();
        clock.advance(Duration.ofMinutes(1));
        runs.insert(new SyncRun("again-run-2", "again", "done", "done", 0, 0, SyncRun.Counts.zero(), 0, null, clock.instant(),
                clock.instant()));
        assertThat(ticker.tick()).as("the admin's synchronisation has run").isEqualTo(1);
    }

    @Test
    void theDeepSweepWaitsForTheBaseline_thenEarnsItsCallsByTheMinute_andOneInstanceQueuesEachStep() {
        integration("deep", true, true, 5, 30);
        PeriodicSweeps a = instance();
        PeriodicSweeps b = instance();
        a.tick();
        assertThat(queued).containsExactly("deep " + WorkKind.LIST_SWEEP);
        Map<Long, SweepStore.Seen> users = new HashMap<>();
        for (long id = 1; id <= 3_000; id++) {
            users.put(id, new SweepStore.Seen(id, true, null));
        }
        sweeps.saveListed("deep", users);
        sweeps.saveMemberships("deep", Map.of(1L, 11L, 2L, 22L));
        sweeps.listSwept("deep", clock.instant()); // the baseline is taken
        queued.clear();
        assertThat(a.tick() + b.tick()).as("the first step only starts the clock: nothing earned yet").isZero();
        assertThat(sweeps.state("deep").deepSteppedAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(1));
        assertThat(a.tick() + b.tick()).isEqualTo(1);
        assertThat(queued).containsExactly("deep " + WorkKind.DEEP_SWEEP);
        // 2 users seen, 2,998 to reconcile at 2.5 calls: 7,497 calls wanted within 30 minutes, more than the 120 a minute
        // less the list sweep's 31 pages every 5 minutes that the budget leaves
        assertThat(sweeps.state("deep").deepOwed()).isCloseTo(120 - 31 / 5.0, within(1e-6));
        clock.advance(Duration.ofSeconds(59));
        assertThat(a.tick() + b.tick()).as("a step a minute").isZero();
    }

    @Test
    void whatWasSeenIsKept_replaced_readInIdOrderAfterTheCursor_andForgotten() {
        integration("seen", true, true, 5, 30);
        sweeps.saveListed("seen", Map.of(3L, new SweepStore.Seen(30, true, null), 1L, new SweepStore.Seen(10, true, null),
                2L, new SweepStore.Seen(20, false, null)));
        sweeps.saveMemberships("seen", Map.of(1L, 100L, 99L, 990L));
        sweeps.saveListed("seen", Map.of(1L, new SweepStore.Seen(11, true, null)));
        assertThat(sweeps.seen("seen")).isEqualTo(Map.of(1L, new SweepStore.Seen(11, true, 100L),
                2L, new SweepStore.Seen(20, false, null), 3L, new SweepStore.Seen(30, true, null)));
        assertThat(sweeps.population("seen")).isEqualTo(new SweepStore.Population(2, 1, 1));
        assertThat(sweeps.activeAfter("seen", 0, 10)).containsExactly(Map.entry(1L, Optional.of(100L)), Map.entry(3L, Optional.empty()));
        assertThat(sweeps.activeAfter("seen", 1, 10)).containsExactly(Map.entry(3L, Optional.empty()));
        assertThat(sweeps.activeAfter("seen", 0, 1)).hasSize(1);

        sweeps.claimList("seen", null, clock.instant());
        sweeps.deepStepped("seen", 3, 2.5);
        sweeps.charge("seen", 4);
        assertThat(sweeps.state("seen").deepCursor()).isEqualTo(3);
        assertThat(sweeps.state("seen").deepOwed()).isCloseTo(-6.5, within(1e-9));

        sweeps.forget("seen", List.of(1L, 2L));
        assertThat(sweeps.seen("seen")).containsOnlyKeys(3L);
        integrations.delete("seen");
        assertThat(sweeps.seen("seen")).as("removed with its integration").isEmpty();
        assertThat(sweeps.state("seen")).isEqualTo(SweepStore.State.NONE);
    }
}
