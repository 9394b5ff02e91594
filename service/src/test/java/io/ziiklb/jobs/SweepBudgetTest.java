package io.ziiklb.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.SweepStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sweeps' call budget in numbers, as docs/performance.md works it out. */
class SweepBudgetTest {
    private static final SweepBudget DEFAULTS = SweepBudget.of(IntegrationSettings.defaults());

    @Test
    void theDefaultsAreFourMinutesThirtyMinutesAndTwoCallsASecond() {
        assertThat(DEFAULTS).isEqualTo(new SweepBudget(4, 30, 120));
    }

    @Test
    void aListSweepReadsBothListsAHundredUsersACall() {
        assertThat(SweepBudget.listCalls(new SweepStore.Population(10_000, 0, 250))).isEqualTo(100 + 3);
        assertThat(SweepBudget.listCalls(new SweepStore.Population(0, 0, 0))).as("an empty list is one call").isEqualTo(2);
        assertThat(SweepBudget.listCalls(new SweepStore.Population(101, 0, 100))).isEqualTo(2 + 1);
    }

    @Test
    void twoThousandUsers_everyoneReReadWithinThirtyMinutes_wellWithinTheBudget() {
        SweepStore.Population users = new SweepStore.Population(2_000, 2_000, 0);
        assertThat(DEFAULTS.listCallsPerMinute(users)).isCloseTo(21 / 4.0, within(1e-9));
        assertThat(DEFAULTS.deepCallsPerMinute(users)).isCloseTo(2_000 / 30.0, within(1e-9));
        assertThat(DEFAULTS.passMinutes(users)).isCloseTo(30, within(1e-9));
        assertThat(DEFAULTS.earned(users, Duration.ofMinutes(1))).isCloseTo(66.67, within(0.01));
    }

    @Test
    void tenThousandUsers_theBudgetBinds_aPassTakesAboutAHundredAndSixMinutes() {
        SweepStore.Population users = new SweepStore.Population(10_000, 10_000, 0);
        double list = DEFAULTS.listCallsPerMinute(users); // 101 pages every 4 minutes
        assertThat(list).isCloseTo(25.25, within(1e-9));
        assertThat(DEFAULTS.deepCallsWantedPerMinute(users)).isCloseTo(333.33, within(0.01));
        assertThat(DEFAULTS.deepCallsPerMinute(users)).as("the rest of 120 a minute").isCloseTo(120 - list, within(1e-9));
        assertThat(list + DEFAULTS.deepCallsPerMinute(users)).isCloseTo(120, within(1e-9));
        assertThat(DEFAULTS.passMinutes(users)).isCloseTo(10_000 / 94.75, within(1e-6));
    }

    @Test
    void aHundredThousandUsers_theListSweepAloneTakesTheBudget_andRunsLessOften() {
        SweepStore.Population users = new SweepStore.Population(100_000, 100_000, 0);
        assertThat(DEFAULTS.listEveryMinutes(users)).isCloseTo(1_001 / 120.0, within(1e-9));
        assertThat(DEFAULTS.listCallsPerMinute(users)).isCloseTo(120, within(1e-9));
        assertThat(DEFAULTS.deepCallsPerMinute(users)).isZero();
        assertThat(DEFAULTS.listEveryMinutes(new SweepStore.Population(10_000, 0, 0))).isEqualTo(4);
    }

    @Test
    void usersWhoseMembershipsWereNeverSeenCostAReconcileEach() {
        SweepStore.Population firstPass = new SweepStore.Population(2_000, 0, 0);
        assertThat(DEFAULTS.deepCallsWantedPerMinute(firstPass)).isCloseTo(5_000 / 30.0, within(1e-9));
        assertThat(DEFAULTS.deepCallsPerMinute(firstPass)).isCloseTo(120 - 21 / 4.0, within(1e-9));
        assertThat(DEFAULTS.passMinutes(firstPass)).isCloseTo(5_000 / (120 - 5.25), within(1e-9));
    }

    @Test
    void earningIsCappedToAFewMinutes_butAlwaysPaysForOneUser() {
        SweepStore.Population users = new SweepStore.Population(2_000, 2_000, 0);
        assertThat(DEFAULTS.earned(users, Duration.ofHours(5))).as("at most one interval").isCloseTo(2_000, within(1e-9));
        assertThat(DEFAULTS.cap(users)).isCloseTo(2_000 / 30.0 * 5, within(1e-9));
        assertThat(DEFAULTS.cap(new SweepStore.Population(3, 3, 0))).isEqualTo(2.5);
    }

    @Test
    void offSweepsSpendNothing_andATinyBudgetLeavesTheDeepSweepNothing() {
        SweepStore.Population users = new SweepStore.Population(10_000, 10_000, 0);
        assertThat(new SweepBudget(0, 0, 120).listCallsPerMinute(users)).isZero();
        assertThat(new SweepBudget(0, 0, 120).deepCallsPerMinute(users)).isZero();
        assertThat(new SweepBudget(5, 30, 10).deepCallsPerMinute(users)).isZero();
        assertThat(new SweepBudget(5, 30, 10).passMinutes(users)).isInfinite();
        assertThat(DEFAULTS.passMinutes(new SweepStore.Population(0, 0, 5))).isZero();
    }
}
