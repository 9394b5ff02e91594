package io.ziiklb.simulator.ziik;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.ziiklb.simulator.http.Json;
import tools.jackson.databind.JsonNode;

/** A plain JDK HTTP client for the simulator's API ({@code /api/...}) and control routes ({@code /_sim/...}). */
final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String origin;

    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }
    }

    ApiClient(ZiikSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
        this.origin = baseUrl.substring(0, baseUrl.length() - "/api".length());
    }

    /** Signs in with the defaults' admin account and returns the token. */
    String login() {
        Answer answer = post("/authenticate", "{\"username\":\"integration@ziik.test\",\"password\":\"ziik-secret\"}", null);
        if (answer.status() != 200) {
            throw new AssertionError("login failed: " + answer);
        }
        return answer.json().get(0).get("jwt").stringValue();
    }

    /** Signs in as this person and returns the token. */
    String login(String email, String password) {
        Answer answer = post("/authenticate", "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        if (answer.status() != 200) {
            throw new AssertionError("login as " + email + " failed: " + answer);
        }
        return answer.json().get(0).get("jwt").stringValue();
    }

    Answer get(String path, String token) {
        return send("GET", api(path), null, token);
    }

    Answer post(String path, String json, String token) {
        return send("POST", api(path), json, token);
    }

    Answer patch(String path, String json, String token) {
        return send("PATCH", api(path), json, token);
    }

    Answer delete(String path, String token) {
        return send("DELETE", api(path), null, token);
    }

    /** A control route, e.g. {@code control("POST", "/_sim/units", "{...}")}. */
    Answer control(String method, String path, String json) {
        return send(method, origin + path, json, null);
    }

    /** A full URL, as found in {@code links.next}. */
    Answer getUrl(String url, String token) {
        return send("GET", url, null, token);
    }

    private String api(String path) {
        return baseUrl + path;
    }

    private static Answer send(String method, String url, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
