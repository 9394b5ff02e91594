package io.ziiklb.jobs;

import io.ziiklb.audit.ActivityEntry;
import io.ziiklb.audit.ActivityLog;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.sync.ExecutionReport;
import io.ziiklb.sync.Plan;
import io.ziiklb.sync.PlanExecutor;
import io.ziiklb.sync.Problem;
import io.ziiklb.sync.SyncContext;
import io.ziiklb.sync.SyncSettings;
import io.ziiklb.ziik.ZiikClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One live item's work for one integration: what it works with (the peers, the links, the
 * settings), and the activity it has to record. A user's reconcile may reconcile the tree or the
 * roles first on the same item: their activity is recorded with it.
 */
final class LiveItem {
    private final Integration integration;
    private final Connections.Connected connected;
    private final SyncSettings settings;
    private final ActivityLog activity;
    private final HealthGate health;
    /** Guarded by itself: steps of one plan end side by side, each telling {@link #record} on its own thread. */
    private final List<ActivityEntry> entries = new ArrayList<>();
    private final PlanExecutor.StepListener record;
    private final Clock clock;
    /** Whether the integration may be marked failing: false only when read unmarked with this item's work. */
    private final boolean mayBeFailing;

    /**
     * @param mayBeFailing false when the integration was read not failing as the work began: then a
     *                     piece of work that went well has no mark to clear (one statement fewer a change)
     */
    LiveItem(Integration integration, Connections.Connected connected, ActivityLog activity, HealthGate health,
             Clock clock, boolean mayBeFailing) {
        this.integration = integration;
        this.mayBeFailing = mayBeFailing;
        this.connected = connected;
        this.settings = integration.settings().toSyncSettings();
        this.activity = activity;
        this.health = health;
        this.clock = clock;
        this.record = step -> add(ActivityEntries.of(step, clock.instant()));
    }

    Integration integration() {
        return integration;
    }

    String integrationId() {
        return integration.id();
    }

    ZiikClient ziik() {
        return connected.ziik();
    }

    JdbcLinkStore links() {
        return connected.links();
    }

    /** What the reconciles work with: the peers, the links, the policy and the timing. */
    SyncContext context() {
        return connected.context();
    }

    SyncSettings settings() {
        return settings;
    }

    /** Where the reconciles report each step they apply. */
    PlanExecutor.StepListener record() {
        return record;
    }

    /**
     * Notes in the activity what no step says: an admin's reconcile of one object that changed
     * nothing (or was not allowed to), so that the log shows it was asked for and what came of it.
     */
    void note(String kind, long ziikId, String learningbankId, String action, String outcome, String message) {
        add(new ActivityEntry(0, clock.instant(), kind, ziikId, learningbankId, action, outcome, message));
    }

    private void add(ActivityEntry entry) {
        synchronized (entries) {
            entries.add(entry);
        }
    }

    /** Records the activity so far, and judges the integration's health by what was done. */
    void settle(ExecutionReport report) {
        recordActivity();
        health.judge(integration, report, mayBeFailing);
    }

    void recordActivity() {
        List<ActivityEntry> taken;
        synchronized (entries) {
            taken = List.copyOf(entries);
            entries.clear();
        }
        activity.append(integration.id(), taken);
    }

    /** What planning and applying found wrong. */
    static List<Problem> found(Plan plan, ExecutionReport report) {
        List<Problem> found = new ArrayList<>(plan.problems());
        found.addAll(report.problems());
        return found;
    }
}
