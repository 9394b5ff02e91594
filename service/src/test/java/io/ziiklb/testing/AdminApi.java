package io.ziiklb.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's admin API ({@code /api/v1}), called as an operator would, for tests. */
public final class AdminApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    public AdminApi(String origin, String token) {
        this.base = origin + "/api/v1";
        this.token = token;
    }

    public JsonNode get(String path) throws Exception {
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) throws Exception {
        return call("POST", path, body);
    }

    public JsonNode call(String method, String path, Object body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    /** The body of {@code POST /integrations} for two simulators' default accounts, with these settings. */
    public static Map<String, Object> integration(io.ziiklb.simulator.ziik.ZiikSimulator ziik,
                                                  io.ziiklb.simulator.learningbank.LearningbankSimulator learningbank,
                                                  Map<String, Object> settings) {
        var lb = io.ziiklb.simulator.learningbank.LearningbankSimulator.Config.defaults();
        return Map.of(
                "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", ziik.config().adminEmail(),
                        "password", ziik.config().adminPassword(), "sharedSecret", ziik.config().sharedSecret()),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", lb.username(),
                        "password", lb.password(), "token", lb.token()),
                "settings", settings);
    }
}
