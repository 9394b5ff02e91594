package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What an administrator sees of a synchronisation before and while it runs: the preview names
 * units, roles and users by name, and the run's counts and done/total move while it applies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + RunVisibilityIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:runvisibility;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=" + AdminAuthIT.TEST_KEY,
        "ziiklb.learningbank-concurrency=2",
})
class RunVisibilityIT {
    static final String TOKEN = "operator-token-for-run-visibility";

    @LocalServerPort
    int port;
    AdminApiClient api;
    ZiikSimulator ziik;
    LearningbankSimulator learningbank;

    @BeforeEach
    void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 60, 5);
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
        api = AdminApiClient.onPort(port, TOKEN);
    }

    @AfterEach
    void stop() {
        ziik.close();
        learningbank.close();
    }

    private String createIntegration() {
        ZiikSimulator.Config z = ziik.config();
        LearningbankSimulator.Config l = LearningbankSimulator.Config.defaults();
        AdminApiClient.Answer created = api.post("/api/v1/integrations", Map.of(
                "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", z.adminEmail(), "password", z.adminPassword()),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", l.username(),
                        "password", l.password(), "token", l.token())));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void thePreviewNamesUnitsRolesAndUsers() {
        int harbour = ziik.organisation().createUnit("Harbour site", ziik.organisation().topUnitId());
        int pastry = ziik.organisation().createUnit("Pastry corner", harbour);
        int baker = ziik.organisation().createRole("Night baker");
        ziik.organisation().createUser(NewUser.of("Greta", "Holm", "greta.holm@example.com", Membership.of(pastry, baker)));
        String id = createIntegration();

        JsonNode preview = api.post("/api/v1/integrations/" + id + "/preview", null).ok();
        List<String> summaries = new ArrayList<>();
        preview.path("operations").forEach(op -> summaries.add(op.path("summary").asString()));
        assertThat(summaries).contains("create department \"Pastry corner\" under \"Harbour site\"")
                .contains("create permission type \"Night baker\"")
                .contains("create user Greta Holm <greta.holm@example.com> in \"Pastry corner\" with \"Night baker\"");
        assertThat(summaries).as("no unit named by its id alone").noneMatch(s -> s.matches(".*\\bunit \\d+.*"));
        api.call("DELETE", "/api/v1/integrations/" + id, null);
    }

    @Test
    void countsAndDoneMoveWhileASyncRuns() {
        String id = createIntegration();
        learningbank.setFaults(Faults.none().withLatency(40)); // 2 calls at a time: the apply phase takes seconds
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        String path = "/api/v1/integrations/" + id + "/syncs/" + syncId;

        List<JsonNode> whileApplying = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode run = api.get(path).json();
            if (run.path("status").asString().equals("running") && run.path("phase").asString().equals("applying")) {
                whileApplying.add(run);
            }
            return !run.path("status").asString().equals("running");
        });
        JsonNode finished = api.get(path).json();
        assertThat(finished.path("status").asString()).isEqualTo("done");
        int total = finished.path("total").asInt();
        int created = finished.path("counts").path("created").asInt();
        assertThat(created).isGreaterThan(60);

        List<JsonNode> midway = whileApplying.stream()
                .filter(r -> r.path("done").asInt() > 0 && r.path("done").asInt() < total).toList();
        assertThat(midway).as("seen part way through applying").hasSizeGreaterThanOrEqualTo(3);
        assertThat(midway).allSatisfy(r -> {
            assertThat(r.path("total").asInt()).isEqualTo(total);
            assertThat(r.path("counts").path("created").asInt()).isLessThanOrEqualTo(r.path("done").asInt());
        });
        assertThat(midway).as("counts so far, before the end")
                .anyMatch(r -> r.path("counts").path("created").asInt() > 0 && r.path("counts").path("created").asInt() < created);
        List<Integer> done = midway.stream().map(r -> r.path("done").asInt()).toList();
        assertThat(done).as("done only goes up").isSorted();
        assertThat(done.getLast()).isGreaterThan(done.getFirst());
        api.call("DELETE", "/api/v1/integrations/" + id, null);
    }
}
