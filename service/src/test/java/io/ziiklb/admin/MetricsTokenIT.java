package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code ZIIKLB_METRICS_TOKEN}: a scraper's token opens {@code /actuator/prometheus} and nothing
 * else; the operator's still scrapes. Each refusal leaves one INFO line without the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + MetricsTokenIT.OPERATOR,
        "ziiklb.metrics-token=" + MetricsTokenIT.SCRAPER,
        "spring.datasource.url=jdbc:h2:mem:metricstoken;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=" + AdminAuthIT.TEST_KEY,
})
@ExtendWith(OutputCaptureExtension.class)
class MetricsTokenIT {
    static final String OPERATOR = "operator-token-metrics-it";
    static final String SCRAPER = "scraper-token-metrics-it";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMetricsTokenScrapesPrometheus() throws Exception {
        HttpResponse<String> scraped = get("/actuator/prometheus", SCRAPER);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body())
                .contains("# TYPE ziiklb_queue_pending gauge").contains("ziiklb_queue_pending ")
                .contains("# TYPE ziiklb_queue_dead_letters gauge").contains("ziiklb_queue_dead_letters ")
                .contains("# TYPE ziiklb_queue_oldest_pending_age_seconds gauge")
                .contains("ziiklb_webhook_deliveries_total{outcome=\"queued\"}");
        assertThat(get("/actuator/prometheus", OPERATOR).statusCode()).as("the operator scrapes too").isEqualTo(200);
    }

    @Test
    void theMetricsTokenOpensNothingElse(CapturedOutput output) throws Exception {
        for (String path : new String[] {"/api/v1/integrations", "/api/v1/integrations/x", "/actuator", "/actuator/metrics"}) {
            HttpResponse<String> answer = get(path, SCRAPER);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.body()).contains("\"code\":\"forbidden\"");
        }
        assertThat(get("/api/v1/integrations", OPERATOR).statusCode()).isEqualTo(200);
        assertThat(output.getOut()).contains("refused GET /api/v1/integrations with 403");
        assertThat(output.getAll()).doesNotContain(SCRAPER).doesNotContain(OPERATOR);
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndLoggedWithoutIt(CapturedOutput output) throws Exception {
        assertThat(get("/actuator/prometheus", "not-the-scraper-token").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus?token=in-the-query", null).statusCode()).isEqualTo(401);
        assertThat(output.getOut()).contains("refused GET /actuator/prometheus with 401: credentials not accepted")
                .contains("refused GET /actuator/prometheus with 401: no credentials");
        assertThat(output.getAll()).doesNotContain("not-the-scraper-token").doesNotContain("in-the-query");
    }
}
