package io.ziiklb;

import io.ziiklb.audit.ActivityLog;
import io.ziiklb.hooks.HookIntake;
import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.CredentialCheck;
import io.ziiklb.integration.IntegrationChanges;
import io.ziiklb.integration.WritePermits;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.Metrics;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.KeyRotation;
import io.ziiklb.jobs.FullSyncRunner;
import io.ziiklb.jobs.LiveJobs;
import io.ziiklb.jobs.LiveSync;
import io.ziiklb.jobs.OnDemandSync;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.jobs.PeriodicFullSyncs;
import io.ziiklb.jobs.PeriodicRolePolls;
import io.ziiklb.jobs.PeriodicSweeps;
import io.ziiklb.jobs.WorkHandlers;
import io.ziiklb.audit.ProblemStore;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.integration.SsoStore;
import io.ziiklb.integration.SweepStore;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.queue.HintWriter;
import io.ziiklb.queue.QueueGauges;
import io.ziiklb.queue.QueueSignal;
import io.ziiklb.queue.QueueWorker;
import io.ziiklb.queue.Retries;
import io.ziiklb.queue.RetryPolicy;
import io.ziiklb.queue.WorkKind;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.queue.WorkerPolicy;
import io.ziiklb.sync.ExecutionPolicy;
import io.ziiklb.sync.Timing;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the service from the {@code ZIIKLB_*} environment (see application.properties). */
@Configuration
class ServiceConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Static: a post-processor runs before this configuration's other beans exist. */
    @Bean
    static H2QueryCache h2QueryCache() {
        return new H2QueryCache();
    }

    /** The one source of time and chance everything below runs by: the clock bean, real sleeping, one randomness. */
    @Bean
    Timing timing(Clock clock) {
        return new Timing(clock, Sleeper.SYSTEM, new Random());
    }

    /**
     * {@code ZIIKLB_SECRET_KEY}: one key, or several comma-separated (the first seals). {@code serve}
     * has checked it before the context started ({@link SecretKeyCheck}); this fails an embedded start without it.
     */
    @Bean
    SecretBox secretBox(@Value("${ziiklb.secret-key:}") String key) {
        return SecretBox.fromBase64(key);
    }

    /** The hosts integrations (and, later, sign-in and identity providers) may point at: {@code ZIIKLB_ALLOWED_PEERS}. */
    @Bean
    AllowedPeers allowedPeers(@Value("${ziiklb.allowed-peers:}") String patterns) {
        return AllowedPeers.parse(patterns);
    }

    @Bean
    PeerClients peerClients(Timing timing, MeterRegistry meters, IntegrationChanges changes, AllowedPeers peers) {
        PeerHttp ziik = PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), peers, Metrics.peerCalls(meters, "ziik"));
        PeerHttp learningbank = PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), peers,
                Metrics.peerCalls(meters, "learningbank"));
        PeerClients clients = new PeerClients(ziik, learningbank, timing.clock(), timing.sleeper());
        changes.listen(clients::forget);
        return clients;
    }

    /**
     * Everything that reads integrations comes through here, so the stored credentials are checked
     * (and re-sealed with the first key) before any work, poll or delivery can use them: a key that
     * opens nothing stops the start.
     */
    @Bean
    IntegrationStore integrationStore(JdbcClient jdbc, SecretBox box, TransactionTemplate tx) {
        int resealed = new KeyRotation(jdbc, box, tx).checkAndReseal();
        if (resealed > 0) {
            LOG.info("sealed the stored credentials of {} integrations again with the first key of ZIIKLB_SECRET_KEY", resealed);
        }
        return new IntegrationStore(jdbc, box);
    }

    @Bean
    SyncRunStore syncRunStore(JdbcClient jdbc) {
        return new SyncRunStore(jdbc);
    }

    @Bean
    ActivityLog activityLog(JdbcClient jdbc, JdbcTemplate template) {
        return new ActivityLog(jdbc, template);
    }

    @Bean
    ProblemStore problemStore(JdbcClient jdbc, JdbcTemplate template) {
        return new ProblemStore(jdbc, template);
    }

    @Bean
    Connections connections(IntegrationStore integrations, PeerClients clients, JdbcClient jdbc, Timing timing,
                            IntegrationChanges changes, @Value("${ziiklb.learningbank-concurrency:8}") int concurrency) {
        return new Connections(integrations, clients, jdbc, ExecutionPolicy.defaults().withConcurrency(concurrency),
                timing, new WritePermits(integrations, changes));
    }

    @Bean
    SyncService syncService(SyncRunStore runs, Connections connections, Clock clock, WorkQueue queue, QueueSignal signal) {
        return new SyncService(runs, connections, clock, queue, signal);
    }

    @Bean
    FullSyncRunner fullSyncRunner(IntegrationStore integrations, SyncRunStore runs, ActivityLog activity,
                                  ProblemStore problems, MeterRegistry meters, Connections connections, QueueSignal signal,
                                  Clock clock) {
        return new FullSyncRunner(integrations, new FullSyncRunner.RunRecords(runs, activity, problems, new Metrics(meters)),
                connections, signal, clock);
    }

    /** Changes hinted by deliveries come before full synchronisations, role polls and sweeps (issue #4: fair to others' changes). */
    @Bean
    WorkQueue workQueue(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Clock clock) {
        return new WorkQueue(jdbc, template, tx, clock,
                java.util.Set.of(WorkKind.FULL_SYNC, WorkKind.ROLES, WorkKind.LIST_SWEEP, WorkKind.DEEP_SWEEP));
    }

    /** Queue depth, dead letters and the oldest pending age for Prometheus: one query per scrape. */
    @Bean
    QueueGauges queueGauges(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
        return QueueGauges.register(meters, jdbc, clock);
    }

    @Bean(destroyMethod = "close")
    HintWriter hintWriter(WorkQueue queue) {
        return new HintWriter(queue);
    }

    @Bean
    QueueSignal queueSignal() {
        return new QueueSignal();
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    PeriodicFullSyncs periodicFullSyncs(IntegrationStore integrations, SyncRunStore runs, SyncService syncs, Clock clock) {
        return new PeriodicFullSyncs(integrations, runs, syncs::start, clock, Duration.ofMinutes(1));
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    PeriodicRolePolls periodicRolePolls(IntegrationStore integrations, SyncRunStore runs, LiveSync live, Clock clock) {
        return new PeriodicRolePolls(integrations, runs, live::pollRoles, clock, Duration.ofSeconds(5));
    }

    @Bean
    SweepStore sweepStore(JdbcClient jdbc, JdbcTemplate template) {
        return new SweepStore(jdbc, template);
    }

    /** The sweeps for changes Ziik does not announce; each sweep is claimed in the database, so one instance queues it. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    PeriodicSweeps periodicSweeps(IntegrationStore integrations, SyncRunStore runs, SweepStore sweeps, LiveSync live,
                                  Clock clock, @Value("${ziiklb.sweeps.tick-seconds:15}") int tickSeconds) {
        return new PeriodicSweeps(integrations, runs, sweeps, live::sweep, clock, Duration.ofSeconds(tickSeconds));
    }

    /** Works the queue in this instance; other instances on the same database share the work. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    QueueWorker queueWorker(WorkQueue queue, FullSyncRunner fullSyncs, LiveJobs live, QueueSignal signal, MeterRegistry meters,
                            Timing timing,
                            @Value("${ziiklb.queue.lease-seconds:60}") int leaseSeconds,
                            @Value("${ziiklb.queue.workers:8}") int workers) {
        WorkerPolicy policy = WorkerPolicy.defaults();
        return new QueueWorker(queue, WorkHandlers.of(fullSyncs, live.work()),
                new WorkerPolicy(workers, policy.poll(), Duration.ofSeconds(leaseSeconds)),
                new Retries(RetryPolicy.defaults(), timing.random()), signal, meters);
    }

    /** Rule L1's live check of credentials: for creating and changing integrations, and the console's wizard. */
    @Bean
    CredentialCheck credentialCheck(PeerClients clients) {
        return new CredentialCheck(clients);
    }

    @Bean
    IntegrationService integrationService(IntegrationStore store, PeerClients clients, CredentialCheck check, SyncService syncs,
                                          Clock clock, Environment environment, IntegrationChanges changes) {
        return new IntegrationService(store, check, syncs, clients,
                () -> environment.getRequiredProperty("ziiklb.public-url"), changes, clock);
    }

    @Bean
    SsoStore ssoStore(JdbcClient jdbc, Environment environment) {
        return new SsoStore(jdbc, () -> environment.getRequiredProperty("ziiklb.public-url"));
    }

    @Bean
    IntegrationChanges integrationChanges() {
        return new IntegrationChanges();
    }

    @Bean
    LiveJobs liveJobs(IntegrationStore integrations, SyncRunStore runs, SyncService syncs, Connections connections,
                      ActivityLog activity, ProblemStore problems, SweepStore sweeps, Clock clock, WorkQueue queue,
                      HintWriter hints, QueueSignal signal, @Value("${ziiklb.health.pause-seconds:30}") int pauseSeconds) {
        return LiveJobs.create(new LiveJobs.Stores(integrations, runs, problems, activity, sweeps),
                new LiveJobs.Queueing(queue, hints, signal), connections, syncs, clock, Duration.ofSeconds(pauseSeconds));
    }

    /** "Synchronise one user" (and one unit): for the API and the console. */
    @Bean
    OnDemandSync onDemandSync(LiveJobs live) {
        return live.onDemand();
    }

    /** Where deliveries and role polls queue live work. */
    @Bean
    LiveSync liveSync(LiveJobs live) {
        return live.hints();
    }

    @Bean
    HookIntake hookIntake(IntegrationStore integrations, LiveSync live, MeterRegistry meters, Clock clock,
                          IntegrationChanges changes) {
        return new HookIntake(integrations, live, meters, clock, changes);
    }
}
