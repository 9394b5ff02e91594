package io.ziiklb.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.sync.ExecutionPolicy;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Job health: while Learningbank fails every call, the integration is "failing", its waiting work
 * is held back rather than hammering Learningbank, and nothing is lost: once Learningbank answers
 * again every change arrives and the integration is idle, with no one's help.
 *
 * <p>The service runs on a hand-moved clock, so "a probe at a time" is counted per pause exactly:
 * the test moves the clock by one pause, waits until the queue has worked every item that fell due
 * (none leased, none due), and then counts the calls Learningbank got.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + JobHealthIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:jobhealth;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "ziiklb.health.pause-seconds=1",
})
class JobHealthIT {
    static final String TOKEN = "operator-token-for-health-tests";
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private final ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
    private final LearningbankSimulator learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());

    /** The service's clock, moved by the test. */
    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock handMovedClock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void stop() {
        ziik.close();
        learningbank.close();
    }

    private JsonNode api(String method, String path) throws Exception {
        return AdminApiClient.onPort(port, TOKEN).call(method, "/api/v1" + path, null).json();
    }

    /**
     * The users' items waiting (not dead): what this test changed. Other work may be queued beside
     * them (a role poll, or a full synchronisation asked for again by deliveries that came during the
     * first), which is not what it is about.
     */
    private int userItems(String integrationId) {
        return jdbc.sql("SELECT COUNT(*) FROM work_item WHERE integration_id = ? AND kind = 'user' AND state <> 'dead'")
                .param(integrationId).query(Integer.class).single();
    }

    /** Every item that fell due has been worked: none is leased and none is due by the service's clock. */
    private boolean queueQuiet(String integrationId) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return jdbc.sql("SELECT COUNT(*) FROM work_item WHERE integration_id = ? AND (state = 'leased'"
                        + " OR (state = 'ready' AND not_before <= ?))")
                .params(integrationId, now).query(Integer.class).single() == 0;
    }

    @Test
    void aFailingLearningbankIsWaitedOutNotHammeredAndNothingIsLost() throws Exception {
        ZiikOrganisation org = ziik.organisation();
        List<Integer> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(org.createUser(NewUser.of("P" + i, "Q", "p" + i + "@example.com", Membership.of(org.topUnitId()))));
        }
        String id = AdminApiClient.onPort(port, TOKEN)
                .post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of())).json().path("id").asString();
        String syncId = api("POST", "/integrations/" + id + "/syncs").path("syncId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api("GET", "/integrations/" + id + "/syncs/" + syncId)
                .path("status").asString().equals("done"));

        learningbank.setFaults(Faults.none().withErrorRate(1.0));
        for (int person : people) {
            org.updateUser(person, UserUpdate.none().withEmail("new." + person + "@example.com"));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api("GET", "/integrations/" + id).path("state").asString().equals("failing"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> queueQuiet(id));
        JsonNode failing = api("GET", "/integrations/" + id);
        assertThat(failing.path("notice").asString()).contains("Failing since").contains("Learningbank");
        assertThat(userItems(id)).as("nothing lost, nothing dead: one item per changed user").isEqualTo(people.size());
        assertThat(failing.path("queue").path("deadLetters").asInt()).isZero();

        // each pause lets exactly one held-back item probe: one user's read, tried maxAttempts times
        for (int pause = 1; pause <= 3; pause++) {
            learningbank.requestLog().reset();
            clock.advance(PAUSE);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> learningbank.requestLog().total() > 0 && queueQuiet(id));
            assertThat(learningbank.requestLog().byRoute()).as("pause %d: one item probes, the others wait without calling", pause)
                    .isEqualTo(Map.of("GET /api/v1/users/{id}", (long) ExecutionPolicy.defaults().maxAttempts()));
            assertThat(userItems(id)).isEqualTo(people.size());
        }

        learningbank.setFaults(Faults.none());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            clock.advance(PAUSE); // each pause lets the held-back work fall due again
            return people.stream().allMatch(person -> learningbank.state().findUserByExternalId("ziik:" + person)
                    .orElseThrow().email().equals("new." + person + "@example.com"));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> api("GET", "/integrations/" + id).path("state").asString().equals("idle"));
        assertThat(api("GET", "/integrations/" + id).path("notice").isNull()).isTrue();
        assertThat(api("GET", "/integrations/" + id).path("queue").path("pending").asInt()).isZero();
    }
}
