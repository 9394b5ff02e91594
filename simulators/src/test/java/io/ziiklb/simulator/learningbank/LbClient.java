package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A plain JDK HTTP client for the simulator's API, with the right credentials unless told otherwise. */
final class LbClient {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }

        JsonNode data() {
            return json().get("data");
        }

        /** The error code, or null when the answer is no error. */
        String errorCode() {
            JsonNode error = json().get("error");
            return error == null ? null : error.get("code").stringValue();
        }

        /** The 422 messages for one field, as one string ("" when the field is not named). */
        String fieldError(String field) {
            JsonNode messages = json().path("error").path("fields").path(field);
            return messages.isMissingNode() ? "" : messages.toString();
        }
    }

    private final String baseUrl;
    private final Map<String, String> authHeaders;

    LbClient(String baseUrl, String username, String password, String token) {
        this.baseUrl = baseUrl;
        this.authHeaders = new LinkedHashMap<>();
        authHeaders.put("Authorization", basic(username, password));
        authHeaders.put("X-Api-Token", token);
    }

    static LbClient of(LearningbankSimulator sim) {
        var c = LearningbankSimulator.Config.defaults();
        return new LbClient(sim.baseUrl(), c.username(), c.password(), c.token());
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String json) {
        return sendWith(method, path, json, authHeaders);
    }

    /** Sends with exactly these headers (no credentials added). Throws {@link UncheckedIOException} for a dropped connection. */
    Response sendWith(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return fetch(request.build());
    }

    static Response fetch(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
