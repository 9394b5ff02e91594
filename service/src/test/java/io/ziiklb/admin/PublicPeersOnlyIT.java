package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.testkit.AdminApiClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without {@code ZIIKLB_ALLOWED_PEERS}, only public hosts over https may be peers: an integration
 * pointed at this machine, under any of its names, is refused without a connection being opened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + PublicPeersOnlyIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:publicpeers;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=" + AdminAuthIT.TEST_KEY,
        "ziiklb.allowed-peers=",
})
class PublicPeersOnlyIT {
    static final String TOKEN = "operator-token-for-public-peers";

    @LocalServerPort
    int port;

    @Test
    void loopbackUnderAnyNameIsRefusedUnconnected() throws IOException {
        AdminApiClient api = AdminApiClient.onPort(port, TOKEN);
        try (RawListener listener = RawListener.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")) {
            int p = listener.port();
            for (String base : List.of("http://127.0.0.1:" + p + "/api", "https://127.0.0.1:" + p + "/api",
                    "https://localhost:" + p + "/api", "https://[::ffff:127.0.0.1]:" + p + "/api",
                    "https://0.0.0.0:" + p + "/api", "https://127.1:" + p + "/api")) {
                AdminApiClient.Answer answer = api.post("/api/v1/integrations", Map.of(
                        "ziik", Map.of("baseUrl", base, "username", "a@b.co", "password", "pw"),
                        "learningbank", Map.of("baseUrl", base, "username", "u", "password", "p", "token", "t")));
                if (base.contains("127.1:")) { // not even a host name, to Java's URI
                    assertThat(answer.status()).as(base + ": " + answer.body()).isEqualTo(400);
                    continue;
                }
                assertThat(answer.status()).as(base + ": " + answer.body()).isEqualTo(422);
                assertThat(answer.json().path("error").path("code").asString()).isEqualTo("unreachable");
            }
            assertThat(listener.connections()).as("no connection was opened").isZero();
        }
    }
}
