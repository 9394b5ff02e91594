package io.ziiklb.sync;

import io.ziiklb.http.AllowedPeers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.jobs.LiveSync;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Live synchronisation through the whole service: deliveries duplicated and reordered still leave
 * Learningbank as the oracle says, for changes to users and to the tree and roles alike; dropped
 * ones are repaired by the next full synchronisation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + LiveDeliveriesIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:livedeliveries;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class LiveDeliveriesIT {
    static final String TOKEN = "operator-token-for-live-tests";
    private final ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
    private final LearningbankSimulator learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());

    @LocalServerPort
    int port;

    @Autowired
    LiveSync live;

    @Autowired
    IntegrationStore integrations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    io.ziiklb.audit.ProblemStore recordedProblems;

    @AfterEach
    void stop() {
        ziik.close();
        learningbank.close();
    }

    private JsonNode api(String method, String path, Object body) throws Exception {
        return AdminApiClient.onPort(port, TOKEN).call(method, "/api/v1" + path, body).json();
    }

    @Test
    void duplicatedReorderedAndDroppedDeliveriesStillConverge() throws Exception {
        RandomOrganisation org = new RandomOrganisation(ziik.organisation(), 7, new RandomOrganisation.Options(true, true, true, false));
        org.build(learningbank.state());
        LearningbankState.Snapshot original = learningbank.state().snapshot();
        String id = api("POST", "/integrations", AdminApiClient.integration(ziik, learningbank,
                Map.of("excludedEmails", List.of(RandomOrganisation.EXCLUDED)))).path("id").asString();
        fullSync(id);
        org.synchronised();

        // every change delivered, many twice, out of order (membership changes fire user.update here)
        ziik.setDeliveries(DeliverySwitches.reliable().withDuplicateRate(0.4).withReorder(true)
                .withMembershipChangesFiringUserUpdate(true));
        LearningbankState.Snapshot previous = learningbank.state().snapshot();
        org.changeUsers(40);
        settle(id);
        check(id, org, original, previous, "after duplicated and reordered deliveries");

        // units and roles change too: the tree is reconciled by unit hints, roles by a poll
        previous = learningbank.state().snapshot();
        org.change(30);
        live.pollRoles(integrations.find(id).orElseThrow());
        settle(id);
        check(id, org, original, previous, "after changes of every kind, duplicated and reordered");

        // half the deliveries lost: the next full synchronisation repairs what they missed
        ziik.setDeliveries(DeliverySwitches.reliable().withDropRate(0.5).withMembershipChangesFiringUserUpdate(true));
        previous = learningbank.state().snapshot();
        org.changeUsers(30);
        settle(id);
        fullSync(id);
        check(id, org, original, previous, "after dropped deliveries and a full synchronisation");
        learningbank.requestLog().reset();
        fullSync(id);
        assertThat(learningbank.requestLog().writes()).as("a full synchronisation finds nothing left to write").isZero();
        assertThat(org.counts().departmentMemberships()).as("memberships naming a Ziik department were made").isPositive();
    }

    private io.ziiklb.ziik.ZiikClient ziikClient() {
        return new io.ziiklb.ziik.ZiikClient(io.ziiklb.http.PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback()),
                ziik.baseUrl(), ziik.config().adminEmail(), ziik.config().adminPassword(), java.time.Clock.systemUTC(),
                d -> { }, io.ziiklb.ziik.ZiikClientPolicy.defaults());
    }

    private void fullSync(String id) throws Exception {
        String syncId = api("POST", "/integrations/" + id + "/syncs", null).path("syncId").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !api("GET", "/integrations/" + id + "/syncs/" + syncId, null).path("status").asString().equals("running"));
    }

    private void settle(String id) {
        assertThat(ziik.awaitDeliveriesIdle(Duration.ofSeconds(20))).isTrue();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> api("GET", "/integrations/" + id, null).path("queue").path("pending").asInt() == 0);
    }

    /** @param previous Learningbank before the changes being judged (deliveries may have applied states in between) */
    private void check(String id, RandomOrganisation org, LearningbankState.Snapshot original,
                       LearningbankState.Snapshot previous, String when) {
        org.synchronised();
        SyncSettings settings = SyncSettings.defaults().withExcludedEmails(Set.of(RandomOrganisation.EXCLUDED));
        List<String> problems = new SyncOracle(ziik.organisation().view(), original, previous,
                learningbank.state().snapshot(), settings).links(new JdbcLinkStore(jdbc, id).snapshot())
                .recorded(recordedProblems.list(id, 100_000)).firstContact(org.firstContact()).roleNames(org.roleNames()).live(true).problems();
        assertThat(problems).as(when).isEmpty();
    }
}
