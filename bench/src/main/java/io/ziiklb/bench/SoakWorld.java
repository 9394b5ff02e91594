package io.ziiklb.bench;

import io.ziiklb.audit.ProblemStore;
import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.simulator.ChildJvm;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.sync.SoakOrganisation;
import io.ziiklb.testkit.AdminApiClient;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the soak runs: both simulators in this JVM (so that the random changes, the faults and the
 * oracle reach their state directly), a fresh PostgreSQL database, two instances of the packaged
 * service on it, each in a process of its own, the webhook proxy in front of them, and one
 * integration, created through the admin API.
 */
final class SoakWorld implements AutoCloseable {
    static final String TOKEN = "soak-operator-token";
    final ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
    final LearningbankSimulator learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
    final SoakOrganisation organisation;
    final SoakDatabase database;
    final List<ServiceInstance> instances = new ArrayList<>();
    final WebhookProxy proxy;
    String integrationId;

    /**
     * @param users       the generated organisation's size, beside the random one
     * @param leaseSeconds how long a queue lease lasts (how soon a killed instance's work is taken over)
     */
    SoakWorld(Path home, int users, long seed, int leaseSeconds) throws Exception {
        organisation = new SoakOrganisation(ziik.organisation(), seed);
        organisation.build(learningbank.state());
        OrganisationGenerator.populate(ziik.organisation(), users, seed);
        database = SoakDatabase.create();
        int proxyPort = ChildJvm.freePort();
        Map<String, String> environment = Map.of("ZIIKLB_DB_URL", database.url(), "ZIIKLB_DB_USER", "postgres",
                "ZIIKLB_DB_PASSWORD", "", "ZIIKLB_SECRET_KEY", SecretBox.newKey(), "ZIIKLB_OPERATOR_TOKEN", TOKEN,
                "ZIIKLB_PUBLIC_URL", "http://127.0.0.1:" + proxyPort,
                "ZIIKLB_ALLOWED_PEERS", "127.0.0.1,localhost"); // the simulators run on this machine
        Path jar = home.resolve("service/target/ziiklb-service-exec.jar");
        for (String name : List.of("a", "b")) {
            instances.add(new ServiceInstance(name, jar, ChildJvm.freePort(), environment,
                    List.of("--ziiklb.queue.lease-seconds=" + leaseSeconds)));
        }
        proxy = new WebhookProxy(instances.stream().map(ServiceInstance::origin).toList(), proxyPort);
        for (ServiceInstance instance : instances) {
            instance.start();
        }
    }

    /**
     * Creates the integration: unique units, the owner excluded, the deletion guard off (the random
     * changes delete freely), a full synchronisation every 5 minutes and a role poll every minute.
     */
    void createIntegration() {
        integrationId = api("POST", "/integrations", AdminApiClient.integration(ziik, learningbank, Map.of(
                "uniqueUnits", true, "excludedEmails", List.of(SoakOrganisation.EXCLUDED), "deletionGuardPercent", 100,
                "fullSyncIntervalMinutes", 5, "rolePollIntervalMinutes", 1))).path("id").asString();
    }

    /**
     * Runs a full synchronisation through the admin API and waits for its end; when one is already
     * running (a periodic one) it waits for that first, so the one judged starts after this call.
     *
     * @return its status: done, failed or held
     */
    String fullSync(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        String syncId = null;
        while (syncId == null) {
            AdminApiClient.Answer started = call("POST", "/integrations/" + integrationId + "/syncs", null);
            if (started.status() == 409) {
                awaitSync(started.json().at("/error/fields/syncId/0").asString(), deadline);
            } else {
                syncId = started.ok().path("syncId").asString();
            }
        }
        return awaitSync(syncId, deadline);
    }

    private String awaitSync(String syncId, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            String status = api("GET", "/integrations/" + integrationId + "/syncs/" + syncId, null).path("status").asString();
            if (!status.equals("running")) {
                return status;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("synchronisation " + syncId + " still running after the limit");
    }

    /** Work the integration has queued and not finished (deliveries' hints, role polls, full synchronisations). */
    int pendingWork() {
        return api("GET", "/integrations/" + integrationId, null).path("queue").path("pending").asInt();
    }

    /** The integration's links and recorded problems, read from the database, for the oracle. */
    io.ziiklb.sync.Links links() {
        return new JdbcLinkStore(database.jdbc(), integrationId).snapshot();
    }

    List<io.ziiklb.sync.Problem> recordedProblems() {
        return new ProblemStore(database.jdbc(), new JdbcTemplate(database.dataSource())).list(integrationId, 100_000);
    }

    /** The admin API (path under {@code /api/v1}) of whichever instance answers; fails unless it agreed. */
    JsonNode api(String method, String path, Object body) {
        return call(method, path, body).ok();
    }

    /**
     * Asks each live instance in turn until one answers (one may have just been killed), for up to a minute.
     */
    private AdminApiClient.Answer call(String method, String path, Object body) {
        Instant deadline = Instant.now().plusSeconds(60);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            for (ServiceInstance instance : instances) {
                if (!instance.alive()) {
                    continue;
                }
                try {
                    AdminApiClient.Answer answer = new AdminApiClient(instance.origin(), TOKEN).call(method, "/api/v1" + path, body);
                    if (answer.status() < 500) {
                        return answer;
                    }
                    last = new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
                } catch (UncheckedIOException notAnswered) {
                    last = notAnswered;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no instance answered " + method + " " + path, last);
    }

    @Override
    public void close() throws Exception {
        for (ServiceInstance instance : instances) {
            instance.close();
        }
        proxy.close();
        ziik.close();
        learningbank.close();
        database.close();
    }
}
