package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginLinkTest extends SimulatorFixture {
    private String ann;

    @BeforeEach
    void seedAnn() {
        ann = state.seedUser(NewUser.of("z-1", "ann@example.com", "Ann", "Berg", List.of(top())));
    }

    @Test
    void makesAOneTimeUrlOnThePlatformThatExpiresInAMinute() {
        var response = api.post("/users/" + ann + "/login-links", "{\"redirect_path\":\"/courses/42\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().get("url").stringValue()).startsWith(sim.platformUrl() + "/sso/ticket/");
        assertThat(response.data().get("expires_at").stringValue()).isEqualTo("2025-03-01T09:01:00Z");
        assertThat(link("/x")).isNotEqualTo(link("/x"));
    }

    @Test
    void theUrlSignsTheBrowserInAtTheRedirectPath() {
        var landing = browse(link("/courses/42"), null);
        String cookie = sessionCookie(landing);

        var page = browse(sim.platformUrl() + "/courses/42", cookie);

        assertThat(landing.status()).isEqualTo(302);
        assertThat(landing.headers().firstValue("Location")).contains("/courses/42");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Signed in as Ann Berg (ann@example.com)</h1>", "<p>Path: /courses/42</p>");
        assertThat(browse(sim.platformUrl() + "/other/page", cookie).body()).contains("<p>Path: /other/page</p>");
    }

    @Test
    void theUrlWorksOnce() {
        String url = link("/");

        var first = browse(url, null);
        var second = browse(url, null);

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(410);
        assertThat(second.body()).contains("already been used");
        assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest(name = "after {0}s -> {1}")
    @CsvSource({"0, 302", "59, 302", "60, 410", "61, 410", "3600, 410"})
    void theUrlWorksForSixtySeconds(long seconds, int status) {
        String url = link("/");
        clock.advance(Duration.ofSeconds(seconds));

        var response = browse(url, null);

        assertThat(response.status()).isEqualTo(status);
        if (status == 410) {
            assertThat(response.body()).contains("expired");
        }
    }

    @Test
    void anUnknownTicketIsRefused() {
        var response = browse(sim.platformUrl() + "/sso/ticket/0123456789abcdef0123456789abcdef", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("Login link not valid");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"", "{}"})
    void theRedirectPathDefaultsToTheRoot(String body) {
        var response = api.post("/users/" + ann + "/login-links", body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(browse(response.data().get("url").stringValue(), null).headers().firstValue("Location")).contains("/");
    }

    @Test
    void anInactiveUserGetsNoLink() {
        String inactive = state.seedUser(NewUser.of(null, "bo@example.com", "Bo", "Ek", List.of(top())).withActive(false));

        var response = api.post("/users/" + inactive + "/login-links", "{\"redirect_path\":\"/\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("user_inactive");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://evil.example/x", "http://127.0.0.1/x", "//evil.example", "///evil.example",
            "/\\\\evil.example", "\\\\\\\\evil.example", "courses/42", "", " /courses", "/courses 42",
            "javascript:alert(1)", "/%zz", "/a\\\\b", "/a\\tb"})
    void refusesARedirectThatLeavesThePlatform(String path) {
        var response = api.post("/users/" + ann + "/login-links", "{\"redirect_path\":\"" + path + "\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo("validation_failed");
        assertThat(response.fieldError("redirect_path")).isNotEmpty();
    }

    @Test
    void aNullRedirectPathIsRefused() {
        var response = api.post("/users/" + ann + "/login-links", "{\"redirect_path\":null}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.fieldError("redirect_path")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/courses/42", "/courses/42?tab=2&x=%2F", "/a/b#part", "/path:with:colons"})
    void acceptsPathsOnThePlatform(String path) {
        var response = browse(link(path), null);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains(path);
    }

    @Test
    void withoutASessionAPageSaysNotSignedIn() {
        var response = browse(sim.platformUrl() + "/courses/42", null);
        var withStrangeCookie = browse(sim.platformUrl() + "/", "lb_session=nope");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<h1>Not signed in</h1>", "<p>Path: /courses/42</p>");
        assertThat(withStrangeCookie.body()).contains("<h1>Not signed in</h1>");
    }

    @Test
    void aDeactivatedUsersSessionEnds() {
        String cookie = sessionCookie(browse(link("/"), null));

        api.patch("/users/" + ann, "{\"is_active\":false}");

        assertThat(browse(sim.platformUrl() + "/", cookie).body()).contains("Not signed in");
    }

    @Test
    void namesOnThePageAreEscaped() {
        String odd = state.seedUser(NewUser.of(null, "o@example.com", "<b>O'", "&Co", List.of(top())));
        String url = api.post("/users/" + odd + "/login-links", "{}").data().get("url").stringValue();

        var page = browse(sim.platformUrl() + "/", sessionCookie(browse(url, null)));

        assertThat(page.body()).contains("Signed in as &lt;b&gt;O&#39; &amp;Co (o@example.com)");
    }

    @Test
    void browserTrafficNeedsNoCredentialsAndIsNotInTheRequestLog() {
        String url = link("/");
        sim.requestLog().reset();

        browse(url, null);
        browse(sim.platformUrl() + "/x", null);

        assertThat(sim.requestLog().total()).isZero();
    }

    @Test
    void unknownApiPathsStayJsonNotFound() {
        var response = api.get("/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    private String link(String redirectPath) {
        var response = api.post("/users/" + ann + "/login-links", "{\"redirect_path\":\"" + redirectPath + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.data().get("url").stringValue();
    }

    private static LbClient.Response browse(String url, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return LbClient.fetch(request.build());
    }

    private static String sessionCookie(LbClient.Response response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("lb_session=").contains("Path=/", "HttpOnly");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
