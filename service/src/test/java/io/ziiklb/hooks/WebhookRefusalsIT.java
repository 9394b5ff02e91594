package io.ziiklb.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.testing.RawConnection;
import io.ziiklb.ziik.webhook.Signature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiver's refusals, against the running service: what is decided before the body is read
 * (wrong address 404, missing signature 401, declared length over the limit 413), what is decided
 * while reading (a chunked body over the limit, 413), what the body decides (400, 401), and
 * credentials that do not open (503). Every refusal in the API's one error shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webhook-refusals;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class WebhookRefusalsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEBHOOK_SECRET = "webhook-secret-of-the-refusals-test";
    private static final String SHARED_SECRET = "shared-secret-of-the-refusals-test";
    private static final int LIMIT = 256 * 1024;
    private static final long HUGE = 300L * 1024 * 1024;
    private static final String USER = "{\"content_type\":\"user\",\"id\":7}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    IntegrationStore integrations;

    @Autowired
    JdbcClient jdbc;

    /** One integration without a shared secret (the path alone authenticates), one with. */
    private String unsigned;
    private String signed;

    @BeforeEach
    void integrations() {
        unsigned = insert(null, integrations);
        signed = insert(SHARED_SECRET, integrations);
    }

    private static String insert(String sharedSecret, IntegrationStore store) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        store.insert(new Integration(id, true, "http://127.0.0.1:9/api", "admin@acme.test", "http://127.0.0.1:9/api/v1",
                "lb", IntegrationSettings.defaults(), now, now), new IntegrationSecrets("pw", sharedSecret, "lbpw", "lbtoken",
                WEBHOOK_SECRET, "sso"));
        return id;
    }

    private static String address(String integrationId, String secret) {
        return "/hooks/ziik/" + integrationId + "/" + secret + "?event=user.update";
    }

    @Test
    void aWrongAddressIsAnswered404BeforeAHugeBodyIsSent() throws Exception {
        for (String address : new String[] {address(unsigned, "wrong-secret"), address(signed, WEBHOOK_SECRET + "x"),
                address(UUID.randomUUID().toString(), WEBHOOK_SECRET)}) {
            try (RawConnection raw = RawConnection.connect(port, Duration.ofSeconds(10))) {
                raw.sendHead("POST", address, Map.of("Content-Type", "application/json", "Content-Length", Long.toString(HUGE)));
                RawConnection.Answer answer = raw.readAnswer(); // would time out if the server waited for the body
                assertThat(raw.bodyBytesSent()).isZero();
                assertError(answer.status(), answer.body(), 404, "not_found");
                assertThat(answer.headers()).containsEntry("connection", "close");
                // and what comes after the answer is not read either: the server (Tomcat, which drains at
                // most 2 MiB of an unread body) breaks the connection long before the 300 MB have gone
                assertThat(raw.sendBodyUntilRefused(HUGE)).isLessThan(64L * 1024 * 1024);
            }
        }
    }

    @Test
    void aWrongSecretIsAnswered404WhileAnEndlessChunkedBodyIsStillComing() throws Exception {
        try (RawConnection raw = RawConnection.connect(port, Duration.ofSeconds(10))) {
            raw.sendHead("POST", address(unsigned, "wrong-secret"), Map.of("Content-Type", "application/json",
                    "Transfer-Encoding", "chunked"));
            Thread sender = raw.streamChunks(new byte[16 * 1024], HUGE);
            RawConnection.Answer answer = raw.readAnswer();
            long sentWhenAnswered = raw.bodyBytesSent();
            sender.interrupt();
            assertError(answer.status(), answer.body(), 404, "not_found");
            assertThat(sentWhenAnswered).as("answered long before the body ended").isLessThan(HUGE / 10);
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnswered413BeforeTheBodyIsSent() throws Exception {
        try (RawConnection raw = RawConnection.connect(port, Duration.ofSeconds(10))) {
            raw.sendHead("POST", address(unsigned, WEBHOOK_SECRET), Map.of("Content-Type", "application/json",
                    "Content-Length", Integer.toString(LIMIT + 1)));
            RawConnection.Answer answer = raw.readAnswer();
            assertThat(raw.bodyBytesSent()).isZero();
            assertError(answer.status(), answer.body(), 413, "payload_too_large");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsAnswered413AfterReadingNoMoreThanTheLimit() throws Exception {
        try (RawConnection raw = RawConnection.connect(port, Duration.ofSeconds(10))) {
            raw.sendHead("POST", address(unsigned, WEBHOOK_SECRET), Map.of("Content-Type", "application/json",
                    "Transfer-Encoding", "chunked"));
            Thread sender = raw.streamChunks(new byte[16 * 1024], HUGE);
            RawConnection.Answer answer = raw.readAnswer();
            long sentWhenAnswered = raw.bodyBytesSent();
            sender.interrupt();
            assertError(answer.status(), answer.body(), 413, "payload_too_large");
            assertThat(sentWhenAnswered).as("answered while the body was still coming").isLessThan(HUGE / 10);
        }
        // a chunked body of a little over the limit, sent whole
        try (RawConnection raw = RawConnection.connect(port, Duration.ofSeconds(10))) {
            raw.sendHead("POST", address(unsigned, WEBHOOK_SECRET), Map.of("Content-Type", "application/json",
                    "Transfer-Encoding", "chunked"));
            byte[] body = paddedUser(LIMIT + 1);
            raw.sendChunk(java.util.Arrays.copyOfRange(body, 0, LIMIT / 2));
            raw.sendChunk(java.util.Arrays.copyOfRange(body, LIMIT / 2, body.length));
            raw.sendChunk(new byte[0]);
            RawConnection.Answer answer = raw.readAnswer();
            assertError(answer.status(), answer.body(), 413, "payload_too_large");
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsTakenIn() throws Exception {
        byte[] body = paddedUser(LIMIT);
        HttpResponse<String> whole = post(address(unsigned, WEBHOOK_SECRET), body, Map.of());
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(202);
        try (RawConnection raw = RawConnection.connect(port, Duration.ofSeconds(10))) { // and chunked
            raw.sendHead("POST", address(unsigned, WEBHOOK_SECRET), Map.of("Content-Type", "application/json",
                    "Transfer-Encoding", "chunked"));
            raw.sendChunk(body);
            raw.sendChunk(new byte[0]);
            assertThat(raw.readAnswer().status()).isEqualTo(202);
        }
        assertThat(post(address(unsigned, WEBHOOK_SECRET), paddedUser(LIMIT + 1), Map.of()).statusCode()).isEqualTo(413);
    }

    @Test
    void withASharedSecretADeliveryMustBeSignedRightly() throws Exception {
        byte[] body = USER.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> missing = post(address(signed, WEBHOOK_SECRET), body, Map.of());
        assertError(missing.statusCode(), missing.body(), 401, "unauthorized");
        assertThat(missing.body()).contains("X-Ziik-Signature");
        HttpResponse<String> wrong = post(address(signed, WEBHOOK_SECRET), body,
                Map.of("X-Ziik-Signature", Signature.of("another-secret", body)));
        assertError(wrong.statusCode(), wrong.body(), 401, "unauthorized");
        assertThat(post(address(signed, WEBHOOK_SECRET), body, Map.of("X-Ziik-Signature", Signature.of(SHARED_SECRET, body)))
                .statusCode()).isEqualTo(202);
        // without a shared secret the path alone authenticates
        assertThat(post(address(unsigned, WEBHOOK_SECRET), body, Map.of()).statusCode()).isEqualTo(202);
    }

    @Test
    void aMissingSignatureIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (RawConnection raw = RawConnection.connect(port, Duration.ofSeconds(10))) {
            raw.sendHead("POST", address(signed, WEBHOOK_SECRET), Map.of("Content-Type", "application/json",
                    "Content-Length", Long.toString(HUGE)));
            RawConnection.Answer answer = raw.readAnswer();
            assertError(answer.status(), answer.body(), 401, "unauthorized");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "[1,2]", "{\"id\":\"7\"}", "{\"content_type\":\"user\"}", "{\"id\":7", "null",
            "{\"id\":7,\"content_type\":\"unit\"}", "{\"id\":1e400}", "\u0000\u0001"})
    void aBodyThatIsNotAZiikUserIsAnswered400(String body) throws Exception {
        HttpResponse<String> answer = post(address(unsigned, WEBHOOK_SECRET), body.getBytes(StandardCharsets.UTF_8), Map.of());
        assertError(answer.statusCode(), answer.body(), 400, "bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?event=role.update", "?event=", "?event=%E2%82", "?other=user.update", "?event=user.update%00"})
    void aDeliveryOfNoneOfTheSixEventsIsAnswered400(String query) throws Exception {
        HttpResponse<String> answer = post("/hooks/ziik/" + unsigned + "/" + WEBHOOK_SECRET + query,
                USER.getBytes(StandardCharsets.UTF_8), Map.of());
        assertError(answer.statusCode(), answer.body(), 400, "bad_request");
    }

    @Test
    void aFormBodyIsNotTakenForTheEvent() throws Exception {
        HttpResponse<String> answer = post("/hooks/ziik/" + unsigned + "/" + WEBHOOK_SECRET, "event=user.update".getBytes(),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertError(answer.statusCode(), answer.body(), 400, "bad_request");
    }

    @Test
    void credentialsThatDoNotOpenAreAnswered503SoThatZiikDeliversAgain() throws Exception {
        String foreign = insert(null, new IntegrationStore(jdbc, SecretBox.fromBase64(SecretBox.newKey())));
        HttpResponse<String> answer = post(address(foreign, WEBHOOK_SECRET), USER.getBytes(StandardCharsets.UTF_8), Map.of());
        assertError(answer.statusCode(), answer.body(), 503, "unavailable");
        jdbc.sql("DELETE FROM integration WHERE id = ?").param(foreign).update();
    }

    private HttpResponse<String> post(String address, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + address))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A user object padded with a long string member to exactly {@code size} bytes. */
    private static byte[] paddedUser(int size) {
        String head = "{\"content_type\":\"user\",\"id\":7,\"padding\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    static void assertError(int status, String body, int expectedStatus, String code) {
        assertThat(status).as(body).isEqualTo(expectedStatus);
        JsonNode error = JSON.readTree(body).path("error");
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.path("message").isString()).isTrue();
        assertThat(error.path("fields").isObject()).isTrue();
        assertThat(JSON.readTree(body).size()).as("nothing beside the error").isEqualTo(1);
    }
}
