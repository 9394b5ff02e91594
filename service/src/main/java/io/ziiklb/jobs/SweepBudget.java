package io.ziiklb.jobs;

import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.SweepStore;
import java.time.Duration;

/**
 * What the sweeps of one integration may spend on Ziik (pure arithmetic). Ziik's user lists give
 * {@value #PAGE} users a call, so a list sweep of {@code a} active and {@code i} deactivated users costs
 * {@code ceil(a/100) + ceil(i/100)} calls every {@code listSweepIntervalMinutes}. The rest of
 * {@code sweepCallsPerMinute} is the deep sweep's: one call per active user whose memberships it
 * has seen before ({@code GET /users/{id}/units}), {@value #RECONCILE_CALLS} for one it has not (it
 * queues a one-user reconcile, which reads the user and the memberships, and sometimes more), and
 * every reconcile the sweeps queue is charged at {@value #RECONCILE_CALLS} too. It earns, per minute, what re-reading every
 * active user within {@code deepSweepIntervalMinutes} takes, or the rest of the budget if that is less:
 * then a pass takes longer than the interval ({@link #passMinutes}).
 */
record SweepBudget(int listIntervalMinutes, int deepIntervalMinutes, int callsPerMinute) {
    static final int PAGE = 100;
    /**
     * What a one-user reconcile costs on average: it reads the user and their memberships, and now
     * and then the unit tree (kept 5 minutes) or the roles first (2.21 calls a reconcile measured by
     * {@code bench live --unannounced} on 10,000 users; 2.5 leaves room).
     */
    static final double RECONCILE_CALLS = 2.5;
    static final int CATCH_UP_MINUTES = 5;

    static SweepBudget of(IntegrationSettings settings) {
        return new SweepBudget(settings.listSweepIntervalMinutes(), settings.deepSweepIntervalMinutes(),
                settings.sweepCallsPerMinute());
    }

    /** Calls a list sweep makes: both lists, page by page (an empty list is one call). */
    static int listCalls(SweepStore.Population users) {
        return pages(users.active()) + pages(users.inactive());
    }

    /**
     * How often the list sweep runs: every {@code listSweepIntervalMinutes}, or less often when its
     * pages alone would take more than the budget (100,000 users: 1,001 pages, over 8 minutes at 120
     * a minute); then the deep sweep earns nothing.
     */
    double listEveryMinutes(SweepStore.Population users) {
        return Math.max(listIntervalMinutes, (double) listCalls(users) / callsPerMinute);
    }

    /** The list sweep's calls a minute, on average. */
    double listCallsPerMinute(SweepStore.Population users) {
        return listIntervalMinutes <= 0 ? 0 : listCalls(users) / listEveryMinutes(users);
    }

    /** What the deep sweep needs a minute to read every active user once within its interval. */
    double deepCallsWantedPerMinute(SweepStore.Population users) {
        if (deepIntervalMinutes <= 0) {
            return 0;
        }
        int unseen = users.active() - users.withMemberships();
        return (users.withMemberships() + RECONCILE_CALLS * unseen) / deepIntervalMinutes;
    }

    /** What the deep sweep earns a minute: what it needs, at most what the list sweep leaves of the budget. */
    double deepCallsPerMinute(SweepStore.Population users) {
        double left = Math.max(0, callsPerMinute - listCallsPerMinute(users));
        return Math.min(deepCallsWantedPerMinute(users), left);
    }

    /** Calls the deep sweep earns over {@code elapsed} (at most one interval's worth). */
    double earned(SweepStore.Population users, Duration elapsed) {
        double minutes = Math.min(elapsed.toMillis() / 60_000.0, Math.max(deepIntervalMinutes, 0));
        return deepCallsPerMinute(users) * minutes;
    }

    /**
     * The most the deep sweep may have saved up: {@value #CATCH_UP_MINUTES} minutes' worth (so that a
     * sweep held up, by a busy queue or Ziik's rate limit, catches up without a burst), and at least
     * enough for one user however small the share of a minute.
     */
    double cap(SweepStore.Population users) {
        return Math.max(deepCallsPerMinute(users) * CATCH_UP_MINUTES, RECONCILE_CALLS);
    }

    /** How long a deep pass over every active user takes at this budget (infinite when it earns nothing). */
    double passMinutes(SweepStore.Population users) {
        double perMinute = deepCallsPerMinute(users);
        if (users.active() == 0) {
            return 0;
        }
        return perMinute <= 0 ? Double.POSITIVE_INFINITY : deepCallsWantedPerMinute(users) * deepIntervalMinutes / perMinute;
    }

    private static int pages(int users) {
        return Math.max(1, (users + PAGE - 1) / PAGE);
    }
}
