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
import io.ziiklb.testing.AdminApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Job health: while Learningbank fails every call, the integration is "failing", its waiting work
 * is held back rather than hammering Learningbank, and nothing is lost: once Learningbank answers
 * again every change arrives and the integration is idle, with no one's help.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + JobHealthIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:jobhealth;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "ziiklb.health.pause-seconds=1",
})
class JobHealthIT {
    static final String TOKEN = "operator-token-for-health-tests";
    private final ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
    private final LearningbankSimulator learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());

    @LocalServerPort
    int port;

    @AfterEach
    void stop() {
        ziik.close();
        learningbank.close();
    }

    private JsonNode api(String method, String path) throws Exception {
        return new AdminApi("http://127.0.0.1:" + port, TOKEN).call(method, path, null);
    }

    @Test
    void aFailingLearningbankIsWaitedOutNotHammeredAndNothingIsLost() throws Exception {
        ZiikOrganisation org = ziik.organisation();
        List<Integer> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(org.createUser(NewUser.of("P" + i, "Q", "p" + i + "@example.com", Membership.of(org.topUnitId()))));
        }
        String id = new AdminApi("http://127.0.0.1:" + port, TOKEN)
                .post("/integrations", AdminApi.integration(ziik, learningbank, Map.of())).path("id").asString();
        String syncId = api("POST", "/integrations/" + id + "/syncs").path("syncId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api("GET", "/integrations/" + id + "/syncs/" + syncId)
                .path("status").asString().equals("done"));

        learningbank.setFaults(Faults.none().withErrorRate(1.0));
        for (int person : people) {
            org.updateUser(person, UserUpdate.none().withEmail("new." + person + "@example.com"));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api("GET", "/integrations/" + id).path("state").asString().equals("failing"));
        JsonNode failing = api("GET", "/integrations/" + id);
        assertThat(failing.path("notice").asString()).contains("Failing since").contains("Learningbank");
        assertThat(failing.path("queue").path("pending").asInt()).as("nothing lost, nothing dead").isEqualTo(people.size());
        assertThat(failing.path("queue").path("deadLetters").asInt()).isZero();

        learningbank.requestLog().reset();
        Thread.sleep(3_000);
        assertThat(learningbank.requestLog().total()).as("held back, not hammering: a probe at a time").isLessThan(60);

        learningbank.setFaults(Faults.none());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> people.stream().allMatch(
                person -> learningbank.state().findUserByExternalId("ziik:" + person).orElseThrow().email()
                        .equals("new." + person + "@example.com")));
        await().atMost(Duration.ofSeconds(10)).until(() -> api("GET", "/integrations/" + id).path("state").asString().equals("idle"));
        assertThat(api("GET", "/integrations/" + id).path("notice").isNull()).isTrue();
    }
}
