package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AuthTest extends SimulatorFixture {
    private static final String BASIC = LbClient.basic("lb-api", "lb-secret");

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                arguments("no headers", Map.of()),
                arguments("no token", Map.of("Authorization", BASIC)),
                arguments("no basic", Map.of("X-Api-Token", "lb-token")),
                arguments("wrong username", Map.of("Authorization", LbClient.basic("lb-apx", "lb-secret"), "X-Api-Token", "lb-token")),
                arguments("wrong password", Map.of("Authorization", LbClient.basic("lb-api", "lb-secreT"), "X-Api-Token", "lb-token")),
                arguments("wrong token", Map.of("Authorization", BASIC, "X-Api-Token", "lb-tokenx")),
                arguments("empty token", Map.of("Authorization", BASIC, "X-Api-Token", "")),
                arguments("token as bearer", Map.of("Authorization", "Bearer lb-token", "X-Api-Token", "lb-token")),
                arguments("not base64", Map.of("Authorization", "Basic %%%", "X-Api-Token", "lb-token")),
                arguments("credentials without colon", Map.of("Authorization", "Basic bGItYXBpbGItc2VjcmV0", "X-Api-Token", "lb-token")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void refusesMissingOrWrongCredentialsWithoutApplying(String why, Map<String, String> headers) {
        var read = api.sendWith("GET", "/settings", null, headers);
        var write = api.sendWith("POST", "/permission-types", "{\"name\":\"Auditor\"}", headers);

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.errorCode()).isEqualTo("unauthorized");
        assertThat(read.json().get("error").get("message").stringValue()).isNotBlank();
        assertThat(read.json().get("error").has("fields")).isFalse();
        assertThat(write.status()).isEqualTo(401);
        assertThat(state.findPermissionTypeByName("Auditor")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ' ', textBlock = """
            GET /settings
            GET /departments
            GET /departments/d-1
            POST /departments
            PATCH /departments/d-1
            DELETE /departments/d-1
            GET /permission-types
            GET /permission-types/pt-1
            POST /permission-types
            PATCH /permission-types/pt-1
            DELETE /permission-types/pt-1
            GET /job-profiles
            GET /job-profiles/jp-1
            GET /users
            GET /users/u-1
            POST /users
            PATCH /users/u-1
            DELETE /users/u-1
            POST /users/u-1/login-links
            """)
    void everyApiRouteRequiresCredentials(String method, String path) {
        var response = api.sendWith(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                Map.of("X-Api-Token", "lb-token"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void acceptsRightCredentialsWithAnyCaseOfTheBasicScheme() {
        var response = api.sendWith("GET", "/settings", null,
                Map.of("Authorization", BASIC.replace("Basic", "basic"), "X-Api-Token", "lb-token"));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void usesTheConfiguredCredentials() {
        try (var other = LearningbankSimulator.start(LearningbankSimulator.Config.defaults()
                .withCredentials("someone", "pw", "tok"))) {
            var otherClient = new LbClient(other.baseUrl(), "someone", "pw", "tok");
            var defaultClient = new LbClient(other.baseUrl(), "lb-api", "lb-secret", "lb-token");

            assertThat(otherClient.get("/settings").status()).isEqualTo(200);
            assertThat(defaultClient.get("/settings").status()).isEqualTo(401);
        }
    }
}
