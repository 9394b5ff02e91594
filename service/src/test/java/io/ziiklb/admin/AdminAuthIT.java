package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every admin endpoint needs the operator token; health does not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=op-token-for-tests",
        "spring.datasource.url=jdbc:h2:mem:adminauth;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=" + AdminAuthIT.TEST_KEY,
})
class AdminAuthIT {
    static final String TEST_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,/api/v1/integrations", "POST,/api/v1/integrations", "GET,/api/v1/integrations/x",
            "PATCH,/api/v1/integrations/x", "DELETE,/api/v1/integrations/x", "POST,/api/v1/integrations/x/disable",
            "POST,/api/v1/integrations/x/enable", "POST,/api/v1/integrations/x/syncs", "GET,/api/v1/integrations/x/syncs/y",
            "POST,/api/v1/integrations/x/preview", "POST,/api/v1/integrations/x/syncs/y/confirm",
            "POST,/api/v1/integrations/x/syncs/y/cancel", "GET,/api/v1/integrations/x/activity",
            "POST,/api/v1/integrations/x/queue/retry",
            "GET,/actuator/prometheus"})
    void refusedWithoutOrWithAWrongToken(String method, String path) throws Exception {
        for (String token : new String[] {null, "wrong", "op-token-for-test", ""}) {
            HttpResponse<String> answer = call(method, path, token);
            assertThat(answer.statusCode()).as("%s %s with token %s", method, path, token).isEqualTo(401);
            assertThat(answer.body()).contains("\"code\":\"unauthorized\"");
        }
    }

    @Test
    void theOperatorTokenOpensTheApi() throws Exception {
        assertThat(call("GET", "/api/v1/integrations", "op-token-for-tests").body()).isEqualTo("{\"data\":[]}");
        HttpResponse<String> missing = call("GET", "/api/v1/integrations/nope", "op-token-for-tests");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"not_found\"");
        assertThat(call("GET", "/actuator/prometheus", "op-token-for-tests").statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsOpen() throws Exception {
        HttpResponse<String> health = call("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    /**
     * service-api.md: every error, unknown routes included, is the JSON error body with a 4xx; a
     * caller without credentials is refused as on every API route (401 unauthorized), so an unknown
     * route looks no different from a known one to a stranger.
     */
    @Test
    void unknownPathsAreRefusedToo() throws Exception {
        HttpResponse<String> answer = call("GET", "/anything", null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"code\":\"unauthorized\"");
    }
}
