package io.ziiklb.jobs;

import io.ziiklb.integration.Connections;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.integration.ProblemStore;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.audit.ActivityEntry;
import io.ziiklb.audit.ActivityLog;
import io.ziiklb.http.Sleeper;
import io.ziiklb.queue.HintWriter;
import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.RetryLater;
import io.ziiklb.queue.WorkHandler;
import io.ziiklb.queue.WorkItem;
import io.ziiklb.queue.WorkKind;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankUnauthorizedException;
import io.ziiklb.sync.ExecutionPolicy;
import io.ziiklb.sync.ExecutionReport;
import io.ziiklb.sync.ObjectKind;
import io.ziiklb.sync.Plan;
import io.ziiklb.sync.PlanExecutor;
import io.ziiklb.sync.Problem;
import io.ziiklb.sync.RolesReconciler;
import io.ziiklb.sync.SnapshotReader;
import io.ziiklb.sync.SyncSettings;
import io.ziiklb.sync.UnitTree;
import io.ziiklb.sync.UnitsReconciler;
import io.ziiklb.sync.UserReconciler;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikRateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rule L3: each change Ziik hints at reaches Learningbank without waiting for a full
 * synchronisation. A user hint reconciles that user alone; a unit hint reconciles the unit tree
 * (the departments, and the users of departments being deleted), coalesced; roles, which have no
 * webhooks, are polled, and the holders of a role whose change reaches them are then reconciled
 * one by one. A user who refers to a unit or role not linked yet has the tree or the roles
 * reconciled first. Nothing is done before the admin's first synchronisation, which covers
 * everything until then.
 */
public final class LiveSync implements WorkHandler {
    /** How long a tree read is used for placing users; a unit hint, or a tree reconcile, replaces it sooner. */
    private static final Duration TREE_FRESH_FOR = Duration.ofMinutes(5);
    /** How long Learningbank's job profiles (rule P5) are used; Ziik says nothing of them, and full syncs read them anew. */
    private static final Duration JOB_PROFILES_FRESH_FOR = Duration.ofMinutes(1);
    /** Step failures that say Learningbank is unwell rather than that the object is wrong. */
    private static final Set<String> TRANSIENT = Set.of("server_error", "io_error", "rate_limited");

    /**
     * Ziik's unit tree, and the units that the tree reconcile which read it found in a name
     * conflict (rule U6; none when the tree was read for placing a user): a user of such a unit is
     * not kept waiting for a department that will not come until the admin resolves the conflict.
     */
    private record KnownTree(UnitTree tree, Set<Long> conflicted) {
    }

    /** Something read from a peer, and when. */
    private record Kept<T>(T value, Instant read) {
        boolean freshFor(Duration duration, Instant now) {
            return read.plus(duration).isAfter(now);
        }
    }

    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final SyncService syncs;
    private final Connections connections;
    private final ActivityLog activity;
    private final ProblemStore problems;
    private final Clock clock;
    private final WorkQueue queue;
    private final HintWriter hints;
    private final QueueSignal signal;
    private final Map<String, Kept<KnownTree>> trees = new ConcurrentHashMap<>();
    private final Map<String, Kept<List<LbJobProfile>>> jobProfiles = new ConcurrentHashMap<>();
    private final Set<String> synchronised = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastProbe = new ConcurrentHashMap<>();
    private final Map<String, Object> sharedObjectsLocks = new ConcurrentHashMap<>();
    private final Duration healthPause;

    public LiveSync(IntegrationStore integrations, SyncRunStore runs, SyncService syncs, Connections connections,
                    ActivityLog activity, ProblemStore problems, Clock clock, WorkQueue queue, HintWriter hints,
                    QueueSignal signal, Duration healthPause) {
        this.integrations = integrations;
        this.runs = runs;
        this.syncs = syncs;
        this.connections = connections;
        this.activity = activity;
        this.problems = problems;
        this.clock = clock;
        this.queue = queue;
        this.hints = hints;
        this.signal = signal;
        this.healthPause = healthPause;
    }

    /**
     * Queues the work a delivery hints at; durable on return.
     *
     * @param objectKind {@code user} or {@code unit}
     * @return false when dropped because the integration has never been synchronised
     */
    public boolean hint(Integration integration, String objectKind, long ziikId) throws InterruptedException {
        if (!synchronised.contains(integration.id())) {
            if (runs.latest(integration.id()).isEmpty()) {
                return false;
            }
            synchronised.add(integration.id()); // once synchronised, always: no need to ask again
        }
        if ("user".equals(objectKind)) {
            hints.hint(integration.id(), WorkKind.USER, ziikId);
        } else { // the kept tree stays until the tree reconcile replaces it: a unit it does not know yet counts as not linked
            hints.hint(integration.id(), WorkKind.UNITS, 0);
        }
        signal.nudge();
        return true;
    }

    /** Queues a poll of the integration's roles. */
    public void pollRoles(Integration integration) {
        queue.enqueue(integration.id(), WorkKind.ROLES, 0, null);
        signal.nudge();
    }

    @Override
    public void handle(WorkItem item) throws Exception {
        Integration integration = integrations.find(item.integrationId()).orElse(null);
        if (integration == null || !integration.enabled()) {
            return; // removed, or disabled: nothing is written (rule L4)
        }
        holdBackWhileFailing(integration);
        Work work = new Work(integration, connections.open(integration));
        try {
            switch (item.kind()) {
                case ROLES -> work.roles();
                case UNITS -> work.units();
                case USER -> work.user(item.ziikId());
                case FULL_SYNC -> throw new IllegalArgumentException("a full synchronisation is not live work: " + item);
            }
        } catch (LearningbankException e) {
            if (!(e.transientFailure() || e instanceof LearningbankUnauthorizedException)) {
                throw e;
            }
            work.recordActivity();
            unwell(integration, "Learningbank " + (e instanceof LearningbankUnauthorizedException
                    ? "refused the credentials" : "kept failing") + ": " + e.getMessage());
        } catch (ZiikRateLimitedException e) { // Ziik's limit, not the item's fault: wait as Ziik asks, never a dead letter
            work.recordActivity();
            throw new RetryLater(e.getMessage(), e.retryAfter());
        }
    }

    /** One item's work for one integration: what it works with, and the activity it has to record. */
    private final class Work {
        private final Integration integration;
        private final ZiikClient ziik;
        private final LearningbankClient learningbank;
        private final JdbcLinkStore links;
        private final ExecutionPolicy policy;
        private final SyncSettings settings;
        private final List<ActivityEntry> entries = new ArrayList<>();
        private final PlanExecutor.StepListener record = step -> entries.add(SyncService.activityEntry(step, clock.instant()));

        Work(Integration integration, Connections.Connected connected) {
            this.integration = integration;
            this.ziik = connected.ziik();
            this.learningbank = connected.learningbank();
            this.links = connected.links();
            this.policy = connected.policy();
            this.settings = integration.settings().toSyncSettings();
        }

        void roles() throws InterruptedException {
            RolesReconciler.Result result;
            synchronized (sharedObjectsLock(integration.id())) {
                result = new RolesReconciler(ziik, learningbank, links, policy, clock, Sleeper.SYSTEM, new Random())
                        .reconcile(settings, record);
            }
            problems.replaceKind(integration.id(), ObjectKind.PERMISSION_TYPE, found(result.plan(), result.report()),
                    clock.instant());
            settle(result.report());
            if (!result.holders().isEmpty()) { // their types or job profile change with the role
                queue.hints(result.holders().stream().map(user -> new WorkQueue.Key(integration.id(), WorkKind.USER, user)).toList());
                signal.nudge();
            }
        }

        void units() throws InterruptedException {
            UnitsReconciler.Result result;
            synchronized (sharedObjectsLock(integration.id())) {
                result = new UnitsReconciler(ziik, learningbank, links, policy, clock, Sleeper.SYSTEM, new Random())
                        .reconcile(settings, record);
            }
            trees.put(integration.id(), new Kept<>(new KnownTree(result.tree(), result.nameConflicts()), clock.instant()));
            if (!result.replacing().isEmpty()) { // a conflicted unit's members go elsewhere now (rule U6); after the
                // tree is kept, so that this instance places them by it, and before settling, which may retry later
                queue.hints(result.replacing().stream().map(user -> new WorkQueue.Key(integration.id(), WorkKind.USER, user)).toList());
                signal.nudge();
            }
            if (result.neverSynchronised()) {
                return;
            }
            List<Problem> found = found(result.plan(), result.report());
            problems.replaceKind(integration.id(), ObjectKind.DEPARTMENT, found, clock.instant());
            problems.replaceFor(integration.id(), ObjectKind.USER, result.users(), found, clock.instant());
            settle(result.report());
            if (result.needsFullSync()) { // the deletion guard tripped: a full synchronisation asks the admin
                syncs.hint(integration);
            }
        }

        void user(long ziikUserId) throws InterruptedException {
            UserReconciler users = new UserReconciler(ziik, learningbank, links, policy, clock, Sleeper.SYSTEM, new Random(),
                    () -> jobProfiles(integration.id(), learningbank, policy));
            KnownTree known = knownTree(integration.id(), ziik, links);
            UserReconciler.Result result = users.reconcile(ziikUserId, known.tree(), known.conflicted(), settings, true,
                    record);
            if (result.waiting()) { // link what the user refers to first, then place the user once
                if (result.missing().contains(UserReconciler.Missing.UNITS)) {
                    units();
                }
                if (result.missing().contains(UserReconciler.Missing.ROLES)) {
                    roles();
                }
                result = users.reconcile(ziikUserId, tree(integration.id(), ziik).tree(), settings, false, record);
            }
            if (result.neverSynchronised()) {
                return;
            }
            problems.replaceFor(integration.id(), ObjectKind.USER, List.of(ziikUserId),
                    found(result.plan(), result.report()), clock.instant());
            settle(result.report());
        }

        /** Records the activity so far, and judges the integration's health by what was done. */
        private void settle(ExecutionReport report) {
            recordActivity();
            checkHealth(integration, report);
        }

        void recordActivity() {
            activity.append(integration.id(), List.copyOf(entries));
            entries.clear();
        }
    }

    /** What planning and applying found wrong. */
    private static List<Problem> found(Plan plan, ExecutionReport report) {
        List<Problem> found = new ArrayList<>(plan.problems());
        found.addAll(report.problems());
        return found;
    }

    /**
     * Departments and permission types are shared by an integration's users: on this instance, one
     * reconcile at a time changes them (a second would find the names taken by the first's creates).
     */
    private Object sharedObjectsLock(String integrationId) {
        return sharedObjectsLocks.computeIfAbsent(integrationId, id -> new Object());
    }

    /** While the integration fails, one item per pause probes Learningbank; the others wait without calling it. */
    private void holdBackWhileFailing(Integration integration) {
        if (integrations.failing(integration.id()).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // one atomic step: with a get and a later put, two items worked at once could both see no
        // recent probe and both call Learningbank in the same pause
        boolean[] thisProbes = {false};
        lastProbe.compute(integration.id(), (id, probed) -> {
            if (probed != null && probed.plus(healthPause).isAfter(now)) {
                return probed;
            }
            thisProbes[0] = true;
            return now;
        });
        if (!thisProbes[0]) {
            throw new RetryLater("held back while the integration is failing", healthPause);
        }
    }

    /**
     * Job health: when Learningbank refused the credentials or kept failing, the integration is
     * marked failing, its other waiting work is held back (no hammering), and this item is tried
     * again later; the first run that works clears the mark. A refusal of one object (a 422, a
     * name conflict) is that object's problem, not the integration's.
     */
    private void checkHealth(Integration integration, ExecutionReport report) {
        String trouble = report.aborted() ? report.abortReason() : report.problems().stream()
                .filter(p -> TRANSIENT.contains(p.code())).map(p -> "Learningbank kept failing: " + p.message())
                .findFirst().orElse(null);
        if (trouble == null) {
            integrations.clearFailing(integration.id());
            return;
        }
        unwell(integration, trouble);
    }

    private void unwell(Integration integration, String trouble) {
        integrations.markFailing(integration.id(), trouble, clock.instant());
        queue.defer(integration.id(), clock.instant().plus(healthPause));
        throw new RetryLater(trouble, healthPause);
    }

    /**
     * The tree for placing a user, with the units in a name conflict that the last synchronisation
     * recorded (on any instance). A kept tree that places a conflicted unit's members elsewhere than
     * that record is older than the synchronisation that wrote it (another instance reconciled the
     * tree since): it is read again, so a user re-placed after a move is placed by the moved tree.
     */
    private KnownTree knownTree(String integrationId, ZiikClient ziik, JdbcLinkStore links) throws InterruptedException {
        Map<Long, String> placements = links.conflictPlacements();
        KnownTree known = tree(integrationId, ziik);
        if (!placements.isEmpty() && !agrees(known.tree(), placements, links.unitsAndRoles().units())) {
            trees.remove(integrationId);
            known = tree(integrationId, ziik);
        }
        Set<Long> conflicted = new HashSet<>(known.conflicted());
        conflicted.addAll(placements.keySet());
        return new KnownTree(known.tree(), conflicted);
    }

    /** Whether the tree places each conflicted unit's members where the record says. */
    private static boolean agrees(UnitTree tree, Map<Long, String> placements, Map<Long, String> unitLinks) {
        String top = unitLinks.get(tree.top().id());
        return placements.entrySet().stream().allMatch(placed -> {
            long nearest = tree.nearest(placed.getKey(), u -> u == tree.top().id() || unitLinks.containsKey(u));
            return placed.getValue().equals(nearest == tree.top().id() ? top : unitLinks.get(nearest));
        });
    }

    private KnownTree tree(String integrationId, ZiikClient ziik) throws InterruptedException {
        return kept(trees, integrationId, TREE_FRESH_FOR, () -> new KnownTree(new UnitTree(ziik.units()), Set.of()));
    }

    private List<LbJobProfile> jobProfiles(String integrationId, LearningbankClient learningbank, ExecutionPolicy policy)
            throws InterruptedException {
        return kept(jobProfiles, integrationId, JOB_PROFILES_FRESH_FOR,
                () -> new SnapshotReader(1, policy, Sleeper.SYSTEM, new Random()).readJobProfiles(learningbank));
    }

    /** What {@code kept} holds for the integration while fresh, else what {@code read} reads now (then kept). */
    private <T> T kept(Map<String, Kept<T>> kept, String integrationId, Duration freshFor, Read<T> read)
            throws InterruptedException {
        Kept<T> held = kept.get(integrationId);
        if (held == null || !held.freshFor(freshFor, clock.instant())) {
            held = new Kept<>(read.read(), clock.instant());
            kept.put(integrationId, held);
        }
        return held.value();
    }

    /** A read from a peer. */
    @FunctionalInterface
    private interface Read<T> {
        T read() throws InterruptedException;
    }
}
