package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikClientPolicy;
import io.ziiklb.ziik.ZiikWebhook;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The service as an attacker's tool, with {@code ZIIKLB_ALLOWED_PEERS=127.0.0.1} (so that loopback
 * listeners can be reached at all): pointed at other services' ports it must neither quote their
 * bytes nor tell an open port from a closed one, follow no redirect, and never send stored secrets
 * to an address they were not given for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + PeerSafetyIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:peersafety;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=" + AdminAuthIT.TEST_KEY,
        "ziiklb.allowed-peers=127.0.0.1",
})
class PeerSafetyIT {
    static final String TOKEN = "operator-token-for-peer-safety";
    /** What other services on the machine greet a connection with (NATS, MariaDB, AMQP, SSH). */
    static final Map<String, String> BANNERS = Map.of(
            "nats", "INFO {\"server_id\":\"NBANNERSECRETID\",\"version\":\"2.10.99\",\"proto\":1}\r\n",
            "mariadb", "J\u0000\u0000\u0000\n10.11.99-MariaDB-banner-secret\u0000\u0001\u0000\u0000\u0000",
            "amqp", "AMQP\u0000\u0000\u0009\u0001",
            "ssh", "SSH-2.0-OpenSSH_9.9 banner-secret\r\n");
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;

    @LocalServerPort
    int port;
    AdminApiClient api;

    @BeforeAll
    static void startSimulators() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 10, 3);
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
    }

    @AfterAll
    static void stopSimulators() {
        ziik.close();
        learningbank.close();
    }

    @BeforeEach
    void client() {
        api = AdminApiClient.onPort(port, TOKEN);
    }

    @Test
    void bannersAndClosedPortsAllGetTheSameShortAnswer() throws IOException {
        Set<String> ziikAnswers = new TreeSet<>();
        Set<String> learningbankAnswers = new TreeSet<>();
        for (String banner : BANNERS.values()) {
            try (RawListener listener = RawListener.banner(banner)) {
                ziikAnswers.add(refusal(withZiikAt(listener.url()), "ziik", listener.url()));
                learningbankAnswers.add(refusal(withLearningbankAt(listener.url()), "learningbank", listener.url()));
            }
        }
        String closed = "http://127.0.0.1:" + closedPort();
        ziikAnswers.add(refusal(withZiikAt(closed), "ziik", closed));
        learningbankAnswers.add(refusal(withLearningbankAt(closed), "learningbank", closed));

        assertThat(ziikAnswers).as("one message, whatever answered").hasSize(1);
        assertThat(learningbankAnswers).as("one message, whatever answered").hasSize(1);
        assertThat(api.get("/api/v1/integrations").json().path("data").size()).isZero();
    }

    @Test
    void redirectsAreNeverFollowed() throws IOException {
        try (RawListener target = RawListener.answering("HTTP/1.1 500 Nope\r\nContent-Length: 0\r\n\r\n");
             RawListener redirect = RawListener.answering("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + target.url()
                     + "/authenticate\r\nContent-Length: 0\r\n\r\n")) {
            refusal(withZiikAt(redirect.url()), "ziik", redirect.url());
            refusal(withLearningbankAt(redirect.url()), "learningbank", redirect.url());
            assertThat(redirect.connections()).as("the redirect was asked").isPositive();
            assertThat(target.connections()).as("its target never").isZero();
        }
    }

    @Test
    void aNewAddressNeedsTheWholeCredentialsAndStoredSecretsNeverGoThere() throws IOException {
        AdminApiClient.Answer created = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        var lb = LearningbankSimulator.Config.defaults();
        List<String> storedSecrets = List.of(ziik.config().adminPassword(), lb.password(), lb.token());
        try (RawListener thief = RawListener.answering("HTTP/1.1 500 Nope\r\nContent-Length: 0\r\n\r\n")) {
            AdminApiClient.Answer ziikOnly = api.call("PATCH", "/api/v1/integrations/" + id,
                    Map.of("ziik", Map.of("baseUrl", thief.url())));
            assertThat(ziikOnly.status()).isEqualTo(422);
            assertThat(fieldNames(ziikOnly)).contains("ziik.username", "ziik.password");

            AdminApiClient.Answer lbOnly = api.call("PATCH", "/api/v1/integrations/" + id,
                    Map.of("learningbank", Map.of("baseUrl", thief.url() + "/", "username", lb.username())));
            assertThat(lbOnly.status()).isEqualTo(422);
            assertThat(fieldNames(lbOnly)).contains("learningbank.password", "learningbank.token")
                    .doesNotContain("learningbank.username");
            assertThat(thief.connections()).as("nothing was sent to the new address").isZero();

            AdminApiClient.Answer whole = api.call("PATCH", "/api/v1/integrations/" + id, Map.of("learningbank",
                    Map.of("baseUrl", thief.url(), "username", "given-user", "password", "given-password", "token", "given-token")));
            assertThat(whole.status()).as("checked live at the new address, which refuses").isEqualTo(422);
            assertThat(thief.received()).contains("given-token");
            storedSecrets.forEach(secret -> assertThat(thief.received()).doesNotContain(secret));
        }
        JsonNode after = api.get("/api/v1/integrations/" + id).json();
        assertThat(after.path("ziik").path("baseUrl").asString()).isEqualTo(ziik.baseUrl());
        assertThat(after.path("learningbank").path("baseUrl").asString()).isEqualTo(learningbank.baseUrl());
        assertThat(api.call("PATCH", "/api/v1/integrations/" + id, Map.of("ziik", Map.of("baseUrl", ziik.baseUrl() + "/")))
                .status()).as("the same address, written otherwise, is no change").isEqualTo(200);
        assertThat(api.call("DELETE", "/api/v1/integrations/" + id, null).status()).isEqualTo(204);
    }

    @Test
    void movingToAnotherZiikMovesTheWebhooks() {
        try (ZiikSimulator other = ZiikSimulator.start(ZiikSimulator.Config.defaults())) {
            AdminApiClient.Answer created = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of()));
            String id = created.json().path("id").asString();
            assertThat(webhooksOf(ziik, id)).hasSize(6);

            AdminApiClient.Answer moved = api.call("PATCH", "/api/v1/integrations/" + id, Map.of("ziik", Map.of(
                    "baseUrl", other.baseUrl(), "username", other.config().adminEmail(), "password", other.config().adminPassword())));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(webhooksOf(other, id)).hasSize(6);
            assertThat(webhooksOf(ziik, id)).as("deleted in the former Ziik").isEmpty();
            api.call("DELETE", "/api/v1/integrations/" + id, null);
        }
    }

    private static List<ZiikWebhook> webhooksOf(ZiikSimulator tenant, String integrationId) {
        ZiikClient client = new ZiikClient(PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback()),
                tenant.baseUrl(), tenant.config().adminEmail(), tenant.config().adminPassword(), Clock.systemUTC(),
                Sleeper.SYSTEM, ZiikClientPolicy.defaults());
        return client.webhooks().stream().filter(w -> w.uri().contains("/" + integrationId + "/")).toList();
    }

    /** The 422's message with the address taken out; asserts it quotes nothing of what answered. */
    private String refusal(Map<String, Object> body, String system, String address) {
        AdminApiClient.Answer answer = api.post("/api/v1/integrations", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        JsonNode error = answer.json().path("error");
        assertThat(error.path("code").asString()).isEqualTo("unreachable");
        assertThat(error.path("fields").has(system)).isTrue();
        assertThat(answer.body()).doesNotContainIgnoringCase("secret").doesNotContain("MariaDB", "AMQP", "INFO", "SSH-",
                "Exception", "2.10.99");
        return error.path("message").asString().replace(address, "<address>");
    }

    private static Map<String, Object> withZiikAt(String url) {
        Map<String, Object> body = new LinkedHashMap<>(AdminApiClient.integration(ziik, learningbank, Map.of()));
        body.put("ziik", Map.of("baseUrl", url, "username", "admin@example.com", "password", "pw-for-a-stranger"));
        return body;
    }

    private static Map<String, Object> withLearningbankAt(String url) {
        Map<String, Object> body = new LinkedHashMap<>(AdminApiClient.integration(ziik, learningbank, Map.of()));
        body.put("learningbank", Map.of("baseUrl", url, "username", "u", "password", "p", "token", "t"));
        return body;
    }

    private static Set<String> fieldNames(AdminApiClient.Answer answer) {
        Set<String> names = new TreeSet<>();
        answer.json().path("error").path("fields").propertyNames().forEach(names::add);
        return names;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
