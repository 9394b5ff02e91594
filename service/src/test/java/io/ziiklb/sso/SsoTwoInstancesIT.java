package io.ziiklb.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.SecretBox;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testing.ServiceProcess;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.testkit.LaunchTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A launch token is used once across all instances (service-api.md, "Automatic sign-in"): two
 * service processes on one PostgreSQL, where the used jtis are kept (table sso_used_token). A
 * token used at one instance is refused at the other, either way round, and the same token
 * presented at both at the same moment signs in exactly once.
 */
class SsoTwoInstancesIT {
    private static final String TOKEN = "operator-token-for-sso-two-instances";
    private static final int RACES = 20;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aLaunchTokenUsedAtOneInstanceIsRefusedAtTheOther() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
             ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
             LearningbankSimulator learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults())) {
            OrganisationGenerator.populate(ziik.organisation(), 20, 5);
            SeededPeople people = ziik.seedPeople();
            Map<String, String> environment = Map.of("ZIIKLB_DB_URL", db.jdbcUrl(), "ZIIKLB_DB_USER", "postgres",
                    "ZIIKLB_DB_PASSWORD", "", "ZIIKLB_SECRET_KEY", SecretBox.newKey(), "ZIIKLB_OPERATOR_TOKEN", TOKEN,
                    "ZIIKLB_ALLOWED_PEERS", "127.0.0.1,localhost");
            try (ServiceProcess a = ServiceProcess.start(environment, List.of());
                 ServiceProcess b = ServiceProcess.start(environment, List.of())) {
                AdminApiClient api = new AdminApiClient(a.origin(), TOKEN);
                String id = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of()))
                        .ok().path("id").asString();
                String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).ok().path("syncId").asString();
                await().atMost(Duration.ofSeconds(60)).until(() -> !api.get("/api/v1/integrations/" + id + "/syncs/" + syncId)
                        .ok().path("status").asString().equals("running"));
                JsonNode on = api.post("/api/v1/integrations/" + id + "/sso", Map.of()).ok();
                String secret = on.path("secret").asString();
                String launchPath = URI.create(on.path("launchUrl").asString()).getPath();
                int employee = people.employee().id();

                String first = LaunchTokens.forUser(employee, secret, Instant.now()).sign();
                assertThat(launch(a, launchPath, first)).as("first use, at A").isEqualTo(302);
                assertThat(launch(b, launchPath, first)).as("the same token at B").isEqualTo(401);
                String second = LaunchTokens.forUser(employee, secret, Instant.now()).sign();
                assertThat(launch(b, launchPath, second)).as("first use, at B").isEqualTo(302);
                assertThat(launch(a, launchPath, second)).as("the same token at A").isEqualTo(401);
                assertThat(db.jdbc().sql("SELECT count(*) FROM sso_used_token WHERE integration_id = :id").param("id", id)
                        .query(Integer.class).single()).as("both jtis kept in the shared database").isEqualTo(2);

                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int race = 0; race < RACES; race++) {
                        String token = LaunchTokens.forUser(employee, secret, Instant.now()).sign();
                        List<Future<Integer>> answers = new ArrayList<>();
                        for (ServiceProcess instance : List.of(a, b, a, b)) {
                            answers.add(pool.submit((Callable<Integer>) () -> launch(instance, launchPath, token)));
                        }
                        List<Integer> statuses = new ArrayList<>();
                        for (Future<Integer> answer : answers) {
                            statuses.add(answer.get());
                        }
                        assertThat(statuses).as("race %d: one sign-in, the other three refused", race)
                                .containsExactlyInAnyOrder(302, 401, 401, 401);
                    }
                }
            }
        }
    }

    /** The launch's status for a browser without a remembered sign-in. */
    private int launch(ServiceProcess instance, String launchPath, String token) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(LaunchTokens.launchUrl(instance.origin() + launchPath, "/", token)))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
