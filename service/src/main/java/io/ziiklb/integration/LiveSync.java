package io.ziiklb.integration;

import io.ziiklb.audit.ActivityLog;
import io.ziiklb.http.Sleeper;
import io.ziiklb.queue.HintWriter;
import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.RetryLater;
import io.ziiklb.queue.WorkHandler;
import io.ziiklb.queue.WorkItem;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankUnauthorizedException;
import io.ziiklb.sync.ExecutionPolicy;
import io.ziiklb.sync.ExecutionReport;
import io.ziiklb.sync.PlanExecutor;
import io.ziiklb.sync.RolesReconciler;
import io.ziiklb.sync.UnitTree;
import io.ziiklb.sync.UserReconciler;
import io.ziiklb.ziik.ZiikClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule L3: each change Ziik hints at reaches Learningbank without waiting for a full
 * synchronisation. A user hint reconciles that user alone; a unit hint (rarer, and about the
 * tree) reconciles the whole integration, coalesced; roles, which have no webhooks, are polled. Nothing is done before the admin's first
 * synchronisation, which covers everything until then.
 */
public final class LiveSync implements WorkHandler {
    /** The queue's kind for reconciling one user. */
    public static final String USER = "user";
    /** The queue's kind for polling roles (Ziik has no webhooks for them). */
    public static final String ROLES = "roles";
    private static final Duration TREE_FRESH_FOR = Duration.ofMinutes(5);
    /** Step failures that say Learningbank is unwell rather than that the object is wrong. */
    private static final java.util.Set<String> TRANSIENT = java.util.Set.of("server_error", "io_error", "rate_limited");

    private record CachedTree(UnitTree tree, Instant read) {
    }

    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final SyncService syncs;
    private final PeerClients clients;
    private final JdbcClient jdbc;
    private final ActivityLog activity;
    private final ExecutionPolicy policy;
    private final Clock clock;
    private final WorkQueue queue;
    private final HintWriter hints;
    private final QueueSignal signal;
    private final Map<String, CachedTree> trees = new ConcurrentHashMap<>();
    private final java.util.Set<String> synchronised = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastProbe = new ConcurrentHashMap<>();
    private final Duration healthPause;

    public LiveSync(IntegrationStore integrations, SyncRunStore runs, SyncService syncs, PeerClients clients,
                    JdbcClient jdbc, ActivityLog activity, ExecutionPolicy policy, Clock clock, WorkQueue queue,
                    HintWriter hints, QueueSignal signal, Duration healthPause) {
        this.integrations = integrations;
        this.runs = runs;
        this.syncs = syncs;
        this.clients = clients;
        this.jdbc = jdbc;
        this.activity = activity;
        this.policy = policy;
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
        if (USER.equals(objectKind)) {
            hints.hint(integration.id(), USER, ziikId);
            signal.nudge();
        } else {
            trees.remove(integration.id());
            syncs.hint(integration);
        }
        return true;
    }

    /** Queues a poll of the integration's roles. */
    public void pollRoles(Integration integration) {
        queue.enqueue(integration.id(), ROLES, 0, null);
        signal.nudge();
    }

    @Override
    public void handle(WorkItem item) throws Exception {
        Integration integration = integrations.find(item.integrationId()).orElse(null);
        if (integration == null || !integration.enabled()) {
            return; // removed, or disabled: nothing is written (rule L4)
        }
        holdBackWhileFailing(integration);
        IntegrationSecrets secrets = integrations.secrets(integration.id());
        ZiikClient ziik = clients.ziik(integration, secrets);
        LearningbankClient learningbank = clients.learningbank(integration, secrets, policy.concurrency());
        JdbcLinkStore links = new JdbcLinkStore(jdbc, integration.id());
        List<io.ziiklb.audit.ActivityEntry> entries = new ArrayList<>();
        PlanExecutor.StepListener record = step -> entries.add(SyncService.activityEntry(step, clock.instant()));
        try {
            reconcile(item, integration, ziik, learningbank, links, record, entries);
        } catch (LearningbankException e) {
            if (!(e.transientFailure() || e instanceof LearningbankUnauthorizedException)) {
                throw e;
            }
            activity.append(integration.id(), entries);
            unwell(integration, "Learningbank " + (e instanceof LearningbankUnauthorizedException
                    ? "refused the credentials" : "kept failing") + ": " + e.getMessage());
        }
    }

    private void reconcile(WorkItem item, Integration integration, ZiikClient ziik, LearningbankClient learningbank,
                           JdbcLinkStore links, PlanExecutor.StepListener record,
                           List<io.ziiklb.audit.ActivityEntry> entries) throws Exception {
        if (ROLES.equals(item.kind())) {
            ExecutionReport report = new RolesReconciler(ziik, learningbank, links, policy, clock, Sleeper.SYSTEM, new Random())
                    .reconcile(record);
            activity.append(integration.id(), entries);
            checkHealth(integration, report);
            return;
        }
        UserReconciler.Result result = new UserReconciler(ziik, learningbank, links, policy, clock, Sleeper.SYSTEM, new Random())
                .reconcile(item.ziikId(), tree(integration.id(), ziik), integration.settings().toSyncSettings(), record);
        activity.append(integration.id(), entries);
        if (result.neverSynchronised()) {
            return;
        }
        checkHealth(integration, result.report());
        if (result.needsFullSync()) {
            trees.remove(integration.id());
            syncs.hint(integration);
        }
    }

    /** While the integration fails, one item per pause probes Learningbank; the others wait without calling it. */
    private void holdBackWhileFailing(Integration integration) {
        if (integrations.failing(integration.id()).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant probed = lastProbe.get(integration.id());
        if (probed != null && probed.plus(healthPause).isAfter(now)) {
            throw new RetryLater("held back while the integration is failing", healthPause);
        }
        lastProbe.put(integration.id(), now);
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

    private UnitTree tree(String integrationId, ZiikClient ziik) {
        CachedTree cached = trees.get(integrationId);
        if (cached == null || cached.read().plus(TREE_FRESH_FOR).isBefore(clock.instant())) {
            cached = new CachedTree(new UnitTree(ziik.units()), clock.instant());
            trees.put(integrationId, cached);
        }
        return cached.tree();
    }
}
