package io.ziiklb.testkit;

import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's REST API ({@code specs/service-api.md}) called as an operator would, with the
 * operator's bearer token: the one client the service's tests, the demo and the bench share.
 *
 * <p>Paths are taken from the service's origin ({@code /api/v1/integrations},
 * {@code /actuator/prometheus}). Every status comes back as an {@link Answer}: a test looks at
 * refusals, while the demo and the bench, which only go on when the service agreed, take
 * {@link Answer#ok()}. It lives in the {@code simulators} module for the reason given in this
 * package's {@code package-info}: production code never sees it.
 */
public final class AdminApiClient {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient(); // shared: the bench makes a client per call
    private final String origin;
    private final String token;

    /** @param origin the service's scheme, host and port, e.g. {@code http://localhost:8080} */
    public AdminApiClient(String origin, String token) {
        this.origin = origin;
        this.token = token;
    }

    /** The service listening on this machine's loopback at {@code port}. */
    public static AdminApiClient onPort(int port, String token) {
        return new AdminApiClient("http://127.0.0.1:" + port, token);
    }

    /** What the service answered to {@code method path}. */
    public record Answer(String method, String path, int status, String body) {
        /** The body as JSON; a JSON null when there is none (204). */
        public JsonNode json() {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        /** The body as JSON when the service agreed (status below 400); otherwise fails with what it said. */
        public JsonNode ok() {
            if (status >= 400) {
                throw new IllegalStateException(method + " " + path + " answered " + status + ": " + body);
            }
            return json();
        }
    }

    /**
     * @param body sent as JSON; a {@code String} is sent as it is (to send what is not JSON), and
     *             {@code null} sends no body
     */
    public Answer call(String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(method, path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    public Answer get(String path) {
        return call("GET", path, null);
    }

    public Answer post(String path, Object body) {
        return call("POST", path, body);
    }

    /** The body of {@code POST /api/v1/integrations} for two simulators' default accounts, with these settings. */
    public static Map<String, Object> integration(ZiikSimulator ziik, LearningbankSimulator learningbank,
                                                  Map<String, Object> settings) {
        var lb = LearningbankSimulator.Config.defaults();
        return Map.of(
                "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", ziik.config().adminEmail(),
                        "password", ziik.config().adminPassword(), "sharedSecret", ziik.config().sharedSecret()),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", lb.username(),
                        "password", lb.password(), "token", lb.token()),
                "settings", settings);
    }
}
