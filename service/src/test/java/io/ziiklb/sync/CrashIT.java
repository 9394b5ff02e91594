package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testing.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two service processes on one PostgreSQL. One is killed with SIGKILL in the middle of a full
 * synchronisation, and again in the middle of a burst of changes: the other takes the work over
 * when the leases expire, and Learningbank ends as the oracle says, with nothing duplicated.
 */
class CrashIT {
    private static final String TOKEN = "operator-token-for-crash-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode api(ServiceProcess service, String method, String path, Object body) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(service.origin() + "/api/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Starts a service process and returns it with its pid (a child of this JVM), which names its queue worker. */
    private record Started(ServiceProcess process, long pid) {
    }

    private static Started start(Map<String, String> environment, List<String> arguments) throws Exception {
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        ServiceProcess process = ServiceProcess.start(environment, arguments);
        List<Long> started = ProcessHandle.current().children().map(ProcessHandle::pid).filter(p -> !before.contains(p)).toList();
        assertThat(started).as("one new child process").hasSize(1);
        return new Started(process, started.getFirst());
    }

    /**
     * Starts a full synchronisation through {@code doomed} and returns its id once {@code doomed}
     * holds it and {@code meanwhile} has run. Both instances poll the queue, so the survivor may
     * claim it first: then that synchronisation is let finish, {@code beforeRetry} gives the next
     * one work to do, and it is tried again, a few times at most.
     */
    private String syncHeldBy(Started doomed, ServiceProcess survivor, TestDatabase db, String id,
                                     ThrowingRunnable meanwhile, ThrowingRunnable beforeRetry) throws Exception {
        for (int attempt = 1; ; attempt++) {
            String syncId = api(doomed.process(), "POST", "/integrations/" + id + "/syncs", null).path("syncId").asString();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> db.jdbc().sql("SELECT count(*) FROM work_item WHERE state = 'leased' AND kind = :kind")
                            .param("kind", io.ziiklb.queue.WorkKind.FULL_SYNC.wireName()).query(Integer.class).single() == 1);
            if (heldBy(db, doomed.pid()).contains(io.ziiklb.queue.WorkKind.FULL_SYNC.wireName())) {
                meanwhile.run();
                assertThat(heldBy(db, doomed.pid())).as("the instance to be killed holds the full synchronisation")
                        .contains(io.ziiklb.queue.WorkKind.FULL_SYNC.wireName());
                return syncId;
            }
            assertThat(attempt).as("the instance to be killed claimed none of %d synchronisations", attempt).isLessThan(5);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !api(survivor, "GET", "/integrations/" + id + "/syncs/" + syncId, null).path("status")
                            .asString().equals("running"));
            beforeRetry.run();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Queue items the instance with this pid holds under a lease that has not expired (its worker is "pid@host/..."). */
    private static List<String> heldBy(TestDatabase db, long pid) {
        return db.jdbc().sql("SELECT kind FROM work_item WHERE state = 'leased' AND leased_by LIKE :worker"
                        + " AND lease_until > CURRENT_TIMESTAMP")
                .param("worker", pid + "@%").query(String.class).list();
    }

    @Test
    void killedInstancesLoseNothingAndDuplicateNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
             SyncHarness sims = new SyncHarness(11)) {
            ZiikSimulator ziik = sims.ziik;
            LearningbankSimulator learningbank = sims.learningbank;
            RandomOrganisation org = new RandomOrganisation(ziik.organisation(), 11, RandomOrganisation.Options.plain(true));
            org.build(learningbank.state());
            io.ziiklb.simulator.ziik.OrganisationGenerator.populate(ziik.organisation(), 600, 11);
            LearningbankState.Snapshot before = learningbank.state().snapshot();
            learningbank.setFaults(Faults.none().withLatency(6)); // a full sync takes a few seconds

            Map<String, String> environment = Map.of("ZIIKLB_DB_URL", db.jdbcUrl(), "ZIIKLB_DB_USER", "postgres",
                    "ZIIKLB_DB_PASSWORD", "", "ZIIKLB_SECRET_KEY", SecretBox.newKey(), "ZIIKLB_OPERATOR_TOKEN", TOKEN, "ZIIKLB_ALLOWED_PEERS", "127.0.0.1,localhost");
            List<String> fastLeases = List.of("--ziiklb.queue.lease-seconds=3");
            Started a = start(environment, fastLeases);
            try (ServiceProcess b = ServiceProcess.start(environment, fastLeases)) {
                LearningbankSimulator.Config lb = LearningbankSimulator.Config.defaults();
                // created through the survivor, so that Ziik's webhooks reach a live instance in the burst below
                String id = api(b, "POST", "/integrations", Map.of(
                        "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", ziik.config().adminEmail(),
                                "password", ziik.config().adminPassword(), "sharedSecret", ziik.config().sharedSecret()),
                        "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", lb.username(),
                                "password", lb.password(), "token", lb.token()),
                        "settings", Map.of("excludedEmails", List.of(RandomOrganisation.EXCLUDED),
                                "deletionGuardPercent", 100, "uniqueUnits", true))).path("id").asString();

                // killed in the middle of a full synchronisation it holds: the survivor takes it over
                String syncId = syncHeldBy(a, b, db, id, () -> {
                    int users = learningbank.state().users().size();
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                            .until(() -> learningbank.state().users().size() > users + 150);
                }, () -> io.ziiklb.simulator.ziik.OrganisationGenerator.populate(ziik.organisation(), 300, 12));
                a.process().kill();
                int atTheKill = learningbank.state().users().size();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !api(b, "GET", "/integrations/" + id, null).path("state").asString().equals("syncing")
                                && api(b, "GET", "/integrations/" + id, null).path("queue").path("pending").asInt() == 0);
                assertThat(api(b, "GET", "/integrations/" + id + "/syncs/" + syncId, null).path("status").asString())
                        .isEqualTo("done");
                assertThat(learningbank.state().users().size()).as("the survivor made the rest").isGreaterThan(atTheKill);
                org.synchronised();
                check(sims, db, id, org, before, before, false, "after a full sync survived a SIGKILL");

                // killed in the middle of a full synchronisation during a burst of changes: the
                // survivor works the deliveries' hints and takes the synchronisation over
                LearningbankState.Snapshot beforeBurst = learningbank.state().snapshot();
                Started second = start(environment, fastLeases);
                a = second;
                ziik.setDeliveries(DeliverySwitches.reliable().withMembershipChangesFiringUserUpdate(true));
                learningbank.setFaults(Faults.none().withLatency(300)); // slow enough to be killed while it works
                String during = syncHeldBy(second, b, db, id, () -> org.changeUsers(15), () -> { });
                second.process().kill();
                learningbank.setFaults(Faults.none().withLatency(6));
                org.changeUsers(15);
                ziik.awaitDeliveriesIdle(Duration.ofSeconds(20));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !api(b, "GET", "/integrations/" + id + "/syncs/" + during, null).path("status")
                                .asString().equals("running")
                                && api(b, "GET", "/integrations/" + id, null).path("queue").path("pending").asInt() == 0);
                assertThat(api(b, "GET", "/integrations/" + id + "/syncs/" + during, null).path("status").asString())
                        .as("the survivor finished the killed instance's synchronisation").isEqualTo("done");
                org.synchronised();
                check(sims, db, id, org, before, beforeBurst, true, "after a burst and a full sync survived a SIGKILL");
                learningbank.requestLog().reset();
                String again = api(b, "POST", "/integrations/" + id + "/syncs", null).path("syncId").asString();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !api(b, "GET", "/integrations/" + id + "/syncs/" + again, null).path("status")
                                .asString().equals("running"));
                assertThat(learningbank.requestLog().writes()).as("nothing left to write to Learningbank").isZero();
            } finally {
                a.process().close();
            }
        }
    }

    /**
     * @param previous Learningbank before the work being judged; {@code live} when deliveries were
     *                 reconciled while Ziik changed
     */
    private static void check(SyncHarness sims, TestDatabase db, String integrationId, RandomOrganisation org,
                              LearningbankState.Snapshot original, LearningbankState.Snapshot previous, boolean live,
                              String when) {
        sims.settings = SyncSettings.defaults().withUniqueUnits(true).withExcludedEmails(Set.of(RandomOrganisation.EXCLUDED));
        List<String> problems = new SyncOracle(sims.ziik.organisation().view(), original, previous, sims.learningbankNow(),
                sims.settings).links(new JdbcLinkStore(db.jdbc(), integrationId).snapshot())
                .recorded(new io.ziiklb.audit.ProblemStore(db.jdbc(), new org.springframework.jdbc.core.JdbcTemplate(
                        db.dataSource())).list(integrationId, 100_000))
                .firstContact(org.firstContact()).roleNames(org.roleNames()).live(live).problems();
        assertThat(problems).as(when).isEmpty();
    }
}
