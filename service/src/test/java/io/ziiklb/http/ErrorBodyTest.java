package io.ziiklb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's error body, byte for byte, as {@code specs/service-api.md} shows it. */
class ErrorBodyTest {

    private static String written(String code, String message, Map<String, List<String>> fields) {
        return new String(ErrorBody.bytes(code, message, fields), StandardCharsets.UTF_8);
    }

    @Test
    void theSecurityChainsAndTheWebhookReceiversFixedBodiesAreUnchanged() {
        assertThat(written("unauthorized", "a valid operator token is required (Authorization: Bearer ...)", Map.of()))
                .isEqualTo("{\"error\":{\"code\":\"unauthorized\",\"message\":\"a valid operator token is required"
                        + " (Authorization: Bearer ...)\",\"fields\":{}}}");
        assertThat(written("forbidden", "not allowed", Map.of()))
                .isEqualTo("{\"error\":{\"code\":\"forbidden\",\"message\":\"not allowed\",\"fields\":{}}}");
        assertThat(written("internal_error", "unexpected error; see the service's log", Map.of()))
                .isEqualTo("{\"error\":{\"code\":\"internal_error\",\"message\":\"unexpected error; see the service's log\","
                        + "\"fields\":{}}}");
    }

    @Test
    void fieldsAreListsOfMessagesByField() {
        assertThat(written("invalid", "the request has invalid fields", Map.of("limit", List.of("must be between 1 and 1000"))))
                .isEqualTo("{\"error\":{\"code\":\"invalid\",\"message\":\"the request has invalid fields\","
                        + "\"fields\":{\"limit\":[\"must be between 1 and 1000\"]}}}");
    }

    /** What string concatenation got wrong: a quote or a line break in a message ended the JSON string. */
    @Test
    void quotesBackslashesAndLineBreaksInAMessageAreEscaped() {
        String message = "Ziik said \"no\"\nC:\\path\ttab";
        String body = written("webhooks_refused", message, Map.of("ziik", List.of("\"quoted\"")));
        assertThat(body).isEqualTo("{\"error\":{\"code\":\"webhooks_refused\",\"message\":\"Ziik said \\\"no\\\"\\nC:\\\\path\\ttab\","
                + "\"fields\":{\"ziik\":[\"\\\"quoted\\\"\"]}}}");
        JsonNode parsed = JsonMapper.builder().build().readTree(body);
        assertThat(parsed.path("error").path("message").asString()).isEqualTo(message);
        assertThat(parsed.path("error").path("fields").path("ziik").path(0).asString()).isEqualTo("\"quoted\"");
    }
}
