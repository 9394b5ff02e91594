package io.ziiklb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one error answer of the service ({@code docs/api.md}, "Errors"), checked as a caller sees it. */
public final class ErrorShape {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What would give away the machinery: a stack frame, an exception or framework name, an HTML page. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)exception|\\bat [a-z]+\\.|java\\.|javax?\\.|jakarta\\.|springframework|jackson|tomcat|catalina|<html|stacktrace|trace");

    private ErrorShape() {
    }

    /** A 4xx in the shape {@code {"error": {"code", "message", "fields"}}}, JSON, giving nothing of the machinery away. */
    public static void assertClientError(String what, RawHttp.Answer answer) {
        assertThat(answer.status()).as("%s: status (body %s)", what, answer.body()).isBetween(400, 499);
        assertShape(what, answer);
    }

    public static void assertShape(String what, RawHttp.Answer answer) {
        assertThat(answer.contentType()).as("%s: content type", what).startsWith("application/json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.propertyNames()).as("%s: %s", what, answer.body()).containsExactly("error");
        JsonNode error = body.path("error");
        assertThat(error.propertyNames()).as("%s: %s", what, answer.body()).containsExactlyInAnyOrder("code", "message", "fields");
        assertThat(error.path("code").isString() && !error.path("code").asString().isBlank()).as("%s: code", what).isTrue();
        assertThat(error.path("message").isString()).as("%s: message", what).isTrue();
        assertThat(error.path("fields").isObject()).as("%s: fields", what).isTrue();
        assertThat(LEAK.matcher(answer.body()).find()).as("%s: gives the machinery away: %s", what, answer.body()).isFalse();
    }
}
