package io.ziiklb.sync;

import io.ziiklb.http.AllowedPeers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ziiklb.audit.ActivityLog;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.IntegrationChanges;
import io.ziiklb.integration.WritePermits;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.jobs.FullSyncRunner;
import io.ziiklb.jobs.LiveJobs;
import io.ziiklb.jobs.WorkHandlers;
import io.ziiklb.integration.Metrics;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.audit.ProblemStore;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.integration.SweepStore;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.queue.HintWriter;
import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.WorkHandler;
import io.ziiklb.queue.WorkItem;
import io.ziiklb.queue.RetryLater;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.queue.WorkKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's production orchestration ({@link LiveJobs} for hints and role polls,
 * {@link SyncService} and {@link FullSyncRunner} for full synchronisations) built by hand on real stores over an H2
 * {@link TestDatabase}, without the Spring context, so a test can hint and then work the queue to
 * the end itself: the queue is drained on the caller's thread, one claimed item at a time, where
 * the service's QueueWorker would use a pool of threads.
 */
final class LiveService implements AutoCloseable {
    private static final String WORKER = "live-service-test";
    private final TestDatabase db;
    /** The first instance made the database and drops it on close; another instance only shares it. */
    private final boolean ownsDatabase;
    /** Every instance seals and opens the stored credentials with the same key. */
    private final String secretKey;
    private final Clock clock = Clock.systemUTC();
    private final WorkQueue queue;
    private final HintWriter hints;
    final IntegrationStore integrations;
    final SyncRunStore runs;
    final ProblemStore problems;
    final SyncService syncs;
    private final Map<WorkKind, WorkHandler> handlers;
    final LiveJobs live;
    final Integration integration;

    LiveService(ZiikSimulator ziik, LearningbankSimulator learningbank, IntegrationSettings settings) {
        this(TestDatabase.create(TestDatabase.Kind.H2), true, SecretBox.newKey(), ziik, learningbank, settings, null);
    }

    /**
     * Another service instance (another JVM in production) on this one's database, for the same
     * integration: its own live jobs, with their own kept trees, over the shared stores and queue.
     */
    LiveService anotherInstance(ZiikSimulator ziik, LearningbankSimulator learningbank) {
        return new LiveService(db, false, secretKey, ziik, learningbank, integration.settings(), integration);
    }

    /** Another instance on this one's database whose {@code ZIIKLB_SECRET_KEY} is {@code key}. */
    LiveService anotherInstanceWithKey(String key, ZiikSimulator ziik, LearningbankSimulator learningbank) {
        return new LiveService(db, false, key, ziik, learningbank, integration.settings(), integration);
    }

    private LiveService(TestDatabase db, boolean ownsDatabase, String secretKey, ZiikSimulator ziik,
                        LearningbankSimulator learningbank, IntegrationSettings settings, Integration existing) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        this.secretKey = secretKey;
        var jdbc = db.jdbc();
        var template = new JdbcTemplate(db.dataSource());
        var tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        integrations = new IntegrationStore(jdbc, SecretBox.fromBase64(secretKey));
        runs = new SyncRunStore(jdbc);
        ActivityLog activity = new ActivityLog(jdbc, template);
        problems = new ProblemStore(jdbc, template);
        Timing timing = new Timing(clock, Sleeper.SYSTEM, new java.util.Random()); // as the service wires it
        PeerClients clients = new PeerClients(PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback()),
                PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback()), timing.clock(), timing.sleeper());
        Connections connections = new Connections(integrations, clients, jdbc, ExecutionPolicy.defaults(), timing,
                new WritePermits(integrations, new IntegrationChanges()));
        queue = new WorkQueue(jdbc, template, tx, clock, Set.of(WorkKind.FULL_SYNC, WorkKind.ROLES));
        hints = new HintWriter(queue);
        QueueSignal signal = new QueueSignal();
        syncs = new SyncService(runs, connections, clock, queue, signal);
        FullSyncRunner fullSyncs = new FullSyncRunner(integrations,
                new FullSyncRunner.RunRecords(runs, activity, problems, new Metrics(new SimpleMeterRegistry())), connections,
                signal, clock);
        live = LiveJobs.create(new LiveJobs.Stores(integrations, runs, problems, activity, new SweepStore(jdbc, template)),
                new LiveJobs.Queueing(queue, hints, signal), connections, syncs, clock, Duration.ofSeconds(30));
        handlers = WorkHandlers.of(fullSyncs, live.work());
        if (existing != null) {
            integration = existing;
            return;
        }
        LearningbankSimulator.Config lb = LearningbankSimulator.Config.defaults();
        Instant now = clock.instant();
        integration = new Integration(UUID.randomUUID().toString(), true, ziik.baseUrl(), ziik.config().adminEmail(),
                learningbank.baseUrl(), lb.username(), settings, now, now);
        integrations.insert(integration, new IntegrationSecrets(ziik.config().adminPassword(), ziik.config().sharedSecret(),
                lb.password(), lb.token(), "webhook-secret", "sso-secret"));
    }

    /** A full synchronisation as the admin starts it, worked to the end. */
    void fullSync() throws Exception {
        syncs.start(integration);
        drain();
    }

    /** What a delivery about this object would queue ({@code user} or {@code unit}). */
    void hint(String kind, long ziikId) throws InterruptedException {
        live.hints().hint(integration, kind, ziikId);
    }

    void pollRoles() {
        live.hints().pollRoles(integration);
    }

    /** Works every item due until the queue is empty, each by the handler the service gives its kind. */
    void drain() throws Exception {
        for (int round = 0; round < 10_000; round++) {
            if (!workOne()) {
                return;
            }
        }
        throw new AssertionError("the queue did not drain");
    }

    /** Works the next item due, if any; false when none was. */
    boolean workOne() throws Exception {
        List<WorkItem> claimed = queue.claim(WORKER, 1, Duration.ofMinutes(5));
        if (claimed.isEmpty()) {
            return false;
        }
        WorkItem item = claimed.getFirst();
        try {
            handlers.get(item.kind()).handle(item);
        } catch (RetryLater putOff) { // as the QueueWorker does: ready again after the wait, never dead
            queue.fail(item, WORKER, putOff.getMessage(), Duration.ZERO, false);
            throw putOff;
        }
        queue.complete(item, WORKER);
        return true;
    }

    /** Items still waiting (ready, deferred or dead). */
    WorkQueue.QueueStatus queueStatus() {
        return queue.status(integration.id());
    }

    Links links() {
        return new JdbcLinkStore(db.jdbc(), integration.id()).snapshot();
    }

    List<Problem> recordedProblems() {
        return problems.list(integration.id(), 100_000);
    }

    @Override
    public void close() {
        hints.close();
        if (ownsDatabase) {
            db.close();
        }
    }
}
