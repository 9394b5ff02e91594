package io.ziiklb.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP, as a browser without JavaScript uses it: one cookie jar, redirects
 * not followed (a test looks at each answer), and the CSRF token of the last page that had a form
 * sent with every form post unless a test says otherwise.
 */
final class ConsoleHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String origin;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    ConsoleHttp(String origin) {
        this.origin = origin;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static ConsoleHttp onPort(int port) {
        return new ConsoleHttp("http://127.0.0.1:" + port);
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html"));
        remember(answer);
        return answer;
    }

    /** A form post with the CSRF token of the last page seen. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return postRaw(path, all);
    }

    /** A form post with exactly these fields (no CSRF token unless among them). */
    HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html"));
        remember(answer);
        return answer;
    }

    /** A JSON call to the API with this client's cookies, and these extra headers (name, value, ...). */
    HttpResponse<String> api(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Signs in at {@code /} as a person would: the sign-in page (for its CSRF token), then the form. */
    HttpResponse<String> signIn(String address, String email, String password) {
        get("/");
        return post("/signin", Map.of("address", address, "email", email, "password", password));
    }

    String csrfToken() {
        return csrf;
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ZIIKLB_SESSION"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Puts a session cookie of someone else's in the jar (a stolen or fixed one). */
    void useSession(String id) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("ZIIKLB_SESSION", id);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri("/"), cookie);
    }

    private void remember(HttpResponse<String> answer) {
        Matcher m = CSRF.matcher(answer.body());
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(origin + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every {@code Set-Cookie} header of an answer. */
    static List<String> setCookies(HttpResponse<?> answer) {
        return answer.headers().allValues("Set-Cookie");
    }
}
