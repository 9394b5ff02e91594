package io.ziiklb.jobs;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SweepStore;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.queue.WorkKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Schedules the sweeps for changes Ziik does not announce (rule L3): a list sweep every
 * {@code listSweepIntervalMinutes} ({@link ListSweepHandler}) and a deep step every minute
 * ({@link DeepSweepHandler}), which earns the calls of {@link SweepBudget}. Only for enabled
 * integrations that have had a synchronisation, and none that was enabled again and has not had
 * one since; the deep sweep starts once the list sweep has taken its baseline (it sweeps the users
 * the list sweep knows).
 *
 * <p>Every instance may tick. Each sweep is claimed in the database before it is queued, by moving
 * the time it was last claimed on from the value this instance read ({@link SweepStore#claimList}):
 * of two instances ticking at once, one claims and queues it, the other finds it claimed.
 */
public final class PeriodicSweeps {
    /** How often the deep sweep takes a step: its budget is earned, and spent, a minute at a time. */
    static final Duration DEEP_STEP = Duration.ofMinutes(1);

    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final SweepStore sweeps;
    private final BiConsumer<Integration, WorkKind> queue;
    private final Clock clock;
    private final Ticker ticker;

    /**
     * @param queue queues the integration's sweep of that kind
     * @param every how often to look for sweeps that are due (one comes at most this late)
     */
    public PeriodicSweeps(IntegrationStore integrations, SyncRunStore runs, SweepStore sweeps,
                          BiConsumer<Integration, WorkKind> queue, Clock clock, Duration every) {
        this.integrations = integrations;
        this.runs = runs;
        this.sweeps = sweeps;
        this.queue = queue;
        this.clock = clock;
        this.ticker = new Ticker("periodic-sweeps", every, this::tick);
    }

    /** Queues each sweep that is due and that this instance claimed; returns how many. */
    public int tick() {
        int queued = 0;
        Instant now = clock.instant();
        Map<String, Instant> lastStarted = runs.latestStarts();
        Map<String, SweepStore.State> states = sweeps.states();
        for (Integration integration : integrations.list()) {
            Instant lastSync = lastStarted.get(integration.id());
            if (!integration.enabled() || lastSync == null) {
                continue;
            }
            SweepStore.State state = states.getOrDefault(integration.id(), SweepStore.State.NONE);
            boolean list = listDue(integration.settings(), state, now) && withinBudget(integration, state, now);
            boolean deep = deepDue(integration.settings(), state, now);
            if (!list && !deep || awaitsResync(integration, lastSync)) {
                continue;
            }
            if (list && sweeps.claimList(integration.id(), state.listClaimedAt(), now)) {
                queue.accept(integration, WorkKind.LIST_SWEEP);
                queued++;
            }
            if (deep && claimDeep(integration, state, now) >= 1) {
                queue.accept(integration, WorkKind.DEEP_SWEEP);
                queued++;
            }
        }
        return queued;
    }

    /**
     * Enabled again, and no synchronisation since (rule L4: enabling replays nothing; the status
     * says so until one runs): what changed meanwhile is the admin's synchronisation's to apply.
     */
    private boolean awaitsResync(Integration integration, Instant lastSync) {
        return integrations.disabledAt(integration.id()).filter(lastSync::isBefore).isPresent();
    }

    private static boolean listDue(IntegrationSettings settings, SweepStore.State state, Instant now) {
        int minutes = settings.listSweepIntervalMinutes();
        return minutes > 0 && (state.listClaimedAt() == null || !state.listClaimedAt().plus(Duration.ofMinutes(minutes)).isAfter(now));
    }

    /** Whether the list sweep's pages fit the budget at this interval, or enough time has passed that they do. */
    private boolean withinBudget(Integration integration, SweepStore.State state, Instant now) {
        if (state.listClaimedAt() == null) {
            return true;
        }
        double minutes = SweepBudget.of(integration.settings()).listEveryMinutes(sweeps.population(integration.id()));
        return !state.listClaimedAt().plusMillis((long) (minutes * 60_000)).isAfter(now);
    }

    private static boolean deepDue(IntegrationSettings settings, SweepStore.State state, Instant now) {
        return settings.deepSweepIntervalMinutes() > 0 && state.listSweptAt() != null
                && (state.deepSteppedAt() == null || !state.deepSteppedAt().plus(DEEP_STEP).isAfter(now));
    }

    /**
     * Claims the step, earning the calls of the minutes since the last one (none at the first);
     * returns the calls it may spend now, 0 when another instance claimed it. A step that cannot
     * pay for one user is not queued (its calls are saved up for the next).
     */
    private double claimDeep(Integration integration, SweepStore.State state, Instant now) {
        SweepStore.Population users = sweeps.population(integration.id());
        SweepBudget budget = SweepBudget.of(integration.settings());
        double earned = state.deepSteppedAt() == null ? 0 : budget.earned(users, Duration.between(state.deepSteppedAt(), now));
        double cap = budget.cap(users);
        if (!sweeps.claimDeep(integration.id(), state.deepSteppedAt(), now, earned, cap)) {
            return 0;
        }
        return Math.min(state.deepOwed() + earned, Math.max(cap, 0));
    }

    public void start() {
        ticker.start();
    }

    public void stop() {
        ticker.stop();
    }
}
