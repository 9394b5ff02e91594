package io.ziiklb.console;

import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.util.List;
import java.util.Map;

/**
 * Two customers, each with its own simulated Ziik (its integration account and seeded people) and
 * Learningbank, every password, token and shared secret distinct and known, so that a test can
 * look for each in what the service shows.
 */
final class TwoTenants implements AutoCloseable {
    static final Map<String, Object> QUIET = Map.of("fullSyncIntervalMinutes", 0, "rolePollIntervalMinutes", 0);

    /** One customer's peers and the integration the operator made for them. */
    record Tenant(String name, ZiikSimulator ziik, LearningbankSimulator learningbank, LearningbankSimulator.Config lb,
                  SeededPeople people) {
        static Tenant start(String name) {
            ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults()
                    .withAdmin("integration-" + name + "@ziik.test", "ziik-password-" + name + "-5f3a91")
                    .withSharedSecret("ziik-shared-secret-" + name + "-c07d2e"));
            var lb = LearningbankSimulator.Config.defaults()
                    .withCredentials("lb-api-" + name, "lb-password-" + name + "-8e61b4", "lb-token-" + name + "-2a9f0c");
            LearningbankSimulator learningbank = LearningbankSimulator.start(lb);
            learningbank.state().seedJobProfile("Chef", true);
            return new Tenant(name, ziik, learningbank, lb, ziik.seedPeople());
        }

        Map<String, Object> integrationBody() {
            return Map.of(
                    "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", ziik.config().adminEmail(),
                            "password", ziik.config().adminPassword(), "sharedSecret", ziik.config().sharedSecret()),
                    "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", lb.username(),
                            "password", lb.password(), "token", lb.token()),
                    "settings", QUIET);
        }

        /** What must never be shown: the peers' passwords, token and shared secret, the admin's password. */
        List<String> secrets() {
            return List.of(ziik.config().adminPassword(), ziik.config().sharedSecret(), lb.password(), lb.token(),
                    people.administrator().password());
        }

        String create(AdminApiClient operator) {
            return operator.post("/api/v1/integrations", integrationBody()).ok().path("id").asString();
        }

        ConsoleHttp signedInAdmin(int port) {
            ConsoleHttp console = ConsoleHttp.onPort(port);
            console.signIn(ziik.baseUrl(), people.administrator().email(), people.administrator().password());
            return console;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    final Tenant a = Tenant.start("a");
    final Tenant b = Tenant.start("b");

    @Override
    public void close() {
        for (Tenant t : List.of(a, b)) {
            t.ziik.close();
            t.learningbank.close();
        }
    }
}
