package io.ziiklb.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikClientPolicy;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Automatic sign-in end to end over HTTP: turning it on (the quicklink in Ziik), Ziik's launch
 * tokens (good, replayed, expired, unsigned, wrongly signed, too long-lived), the targets it may
 * and may not send a browser to, the remembered sign-in, the sign-in page, a user synchronised on
 * the spot, and each refusal's page and status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + SsoLaunchIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:ssolaunch;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class SsoLaunchIT {
    static final String TOKEN = "operator-token-for-sso";
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static SeededPeople people;

    @LocalServerPort
    int port;
    AdminApiClient api;
    String id;
    String secret;

    @BeforeAll
    static void startSimulators() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 30, 3);
        people = ziik.seedPeople();
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
    }

    @AfterAll
    static void stopSimulators() {
        ziik.close();
        learningbank.close();
    }

    @BeforeEach
    void integrationWithSignInOn() {
        api = AdminApiClient.onPort(port, TOKEN);
        for (JsonNode existing : api.get("/api/v1/integrations").json().path("data")) {
            api.call("DELETE", "/api/v1/integrations/" + existing.path("id").asString(), null);
        }
        id = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of())).json().path("id").asString();
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/v1/integrations/" + id + "/syncs/" + syncId)
                .json().path("status").asString().equals("running"));
        JsonNode on = api.post("/api/v1/integrations/" + id + "/sso", Map.of()).json();
        secret = on.path("secret").asString();
        assertThat(on.path("launchUrl").asString()).isEqualTo("http://localhost:" + port + "/sso/" + id + "/launch");
    }

    @Test
    void aGoodTokenSignsTheUserInAtTheTargetsPath_once_andTheBrowserIsRememberedAfter() throws Exception {
        Browser browser = new Browser();
        String token = token(people.employee().id(), secret, Duration.ofSeconds(60));
        HttpResponse<String> launch = browser.get(launchUrl(learningbank.platformUrl() + "/courses/42?tab=intro", token));
        assertThat(launch.statusCode()).isEqualTo(302);
        String loginLink = launch.headers().firstValue("Location").orElseThrow();
        assertThat(loginLink).startsWith(learningbank.platformUrl() + "/sso/ticket/");
        assertThat(launch.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        HttpResponse<String> landed = browser.land(loginLink);
        assertThat(landed.body()).contains("Signed in as Erik Employee").contains("Path: /courses/42");

        assertThat(browser.get(launchUrl("/courses/42", token)).statusCode()).as("a token is used once").isEqualTo(401);
        HttpResponse<String> again = browser.get(launchUrl("/", null));
        assertThat(again.statusCode()).as("the browser is remembered").isEqualTo(302);
        assertThat(new Browser().get(launchUrl("/", null)).body()).as("another browser is not").contains("Sign in to Learningbank");
    }

    @Test
    void badTokensAreRefused() throws Exception {
        long user = people.employee().id();
        Browser browser = new Browser();
        assertThat(browser.get(launchUrl("/", token(user, "not-the-secret-but-long-enough-for-hs256", Duration.ofSeconds(60))))
                .statusCode()).as("wrong secret").isEqualTo(401);
        assertThat(browser.get(launchUrl("/", token(user, secret, Duration.ofSeconds(121)))).statusCode()).as("exp too far").isEqualTo(401);
        assertThat(browser.get(launchUrl("/", expired(user))).statusCode()).as("expired").isEqualTo(401);
        String none = new PlainJWT(new PlainHeader(), claims(user, Duration.ofSeconds(60)).build()).serialize();
        assertThat(browser.get(launchUrl("/", none)).statusCode()).as("alg none").isEqualTo(401);
        assertThat(browser.get(launchUrl("/", "garbage")).statusCode()).isEqualTo(401);
        HttpResponse<String> page = browser.get(launchUrl("/", "garbage"));
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("This link has expired");
    }

    @Test
    void targetsOffThePlatformAreRefused_neverRedirected() throws Exception {
        String platform = learningbank.platformUrl();
        URI p = URI.create(platform);
        for (String target : List.of("//evil.example/x", "\\\\evil.example\\x", "https://evil.example/", "http://evil.example" + p.getPath(),
                p.getScheme() + "://user@" + p.getAuthority() + "/", "javascript:alert(1)", "/%2F%2Fevil.example", "/\\evil.example",
                p.getScheme() + "://" + p.getHost() + ":1" + "/", "ftp://" + p.getAuthority() + "/", "%2F%2Fevil.example", "evil.example")) {
            HttpResponse<String> answer = new Browser().get(launchUrl(target, token(people.employee().id(), secret, Duration.ofSeconds(60))));
            assertThat(answer.statusCode()).as(target).isEqualTo(400);
            assertThat(answer.headers().firstValue("Location")).as(target).isEmpty();
        }
    }

    @Test
    void withoutTokenOrMemoryTheSignInPageChecksZiik() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> form = browser.get(launchUrl("/courses/7", null));
        assertThat(form.statusCode()).isEqualTo(200);
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> wrong = browser.post("/sso/" + id + "/signin", Map.of("email", people.employee().email(),
                "password", "nope", "target", "/courses/7", "_csrf", csrf));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Ziik did not accept that email and password");
        HttpResponse<String> right = browser.post("/sso/" + id + "/signin", Map.of("email", people.employee().email(),
                "password", people.employee().password(), "target", "/courses/7", "_csrf", csrf));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(browser.land(right.headers().firstValue("Location").orElseThrow()).body()).contains("Path: /courses/7");
        assertThat(browser.post("/sso/" + id + "/signin", Map.of("email", people.employee().email(),
                "password", people.employee().password(), "target", "/")).statusCode()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void aUserNotSynchronisedYetIsSynchronisedOnTheSpot_aDeactivatedOneIsTold() throws Exception {
        ziik.setDeliveries(DeliverySwitches.reliable().withDropRate(1.0));
        try {
            int newcomer = ziik.organisation().createUser(NewUser.of("Nina", "New", "nina.new@example.com",
                    Membership.of(ziik.organisation().topUnitId())));
            HttpResponse<String> launch = new Browser().get(launchUrl("/", token(newcomer, secret, Duration.ofSeconds(60))));
            assertThat(launch.statusCode()).isEqualTo(302);
            assertThat(learningbank.state().findUserByExternalId("ziik:" + newcomer)).isPresent();

            ziik.organisation().deactivateUser(newcomer);
            api.post("/api/v1/integrations/" + id + "/syncs", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> !learningbank.state().findUserByExternalId("ziik:" + newcomer)
                    .orElseThrow().isActive());
            HttpResponse<String> refused = new Browser().get(launchUrl("/", token(newcomer, secret, Duration.ofSeconds(60))));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("deactivated");
        } finally {
            ziik.setDeliveries(DeliverySwitches.reliable());
        }
    }

    @Test
    void turningItOnMakesTheQuicklink_rotatingStopsOldTokens_offAndDisabledPauseIt() throws Exception {
        assertThat(quicklinks()).extracting(q -> q.link()).containsExactly("http://localhost:" + port + "/sso/" + id + "/launch");
        String old = secret;
        String rotated = api.post("/api/v1/integrations/" + id + "/sso", Map.of()).json().path("secret").asString();
        assertThat(rotated).isNotEqualTo(old);
        assertThat(quicklinks()).as("updated, not doubled").hasSize(1);
        assertThat(new Browser().get(launchUrl("/", token(people.employee().id(), old, Duration.ofSeconds(60)))).statusCode())
                .isEqualTo(401);
        assertThat(new Browser().get(launchUrl("/", token(people.employee().id(), rotated, Duration.ofSeconds(60)))).statusCode())
                .isEqualTo(302);

        api.post("/api/v1/integrations/" + id + "/disable", null);
        HttpResponse<String> paused = new Browser().get(launchUrl("/", token(people.employee().id(), rotated, Duration.ofSeconds(60))));
        assertThat(paused.statusCode()).isEqualTo(409);
        assertThat(paused.body()).contains("paused");
        api.post("/api/v1/integrations/" + id + "/enable", null);

        assertThat(api.call("DELETE", "/api/v1/integrations/" + id + "/sso", null).status()).isEqualTo(204);
        assertThat(quicklinks()).isEmpty();
        assertThat(new Browser().get(launchUrl("/", token(people.employee().id(), rotated, Duration.ofSeconds(60)))).statusCode())
                .isEqualTo(409);
        assertThat(new Browser().get("/sso/" + UUID.randomUUID() + "/launch").statusCode()).isEqualTo(404);
    }

    @Test
    void chatLinksBecomeLaunchAddresses_onlyForThePlatform() {
        AdminApiClient.Answer link = api.post("/api/v1/integrations/" + id + "/sso/links",
                Map.of("url", learningbank.platformUrl() + "/courses/42?tab=intro"));
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.json().path("launchUrl").asString()).isEqualTo("http://localhost:" + port + "/sso/" + id
                + "/launch?target=" + URLEncoder.encode(learningbank.platformUrl() + "/courses/42?tab=intro", StandardCharsets.UTF_8));
        assertThat(api.post("/api/v1/integrations/" + id + "/sso/links", Map.of("url", "https://evil.example/")).status()).isEqualTo(422);
    }

    @Test
    void removingTheIntegrationDeletesItsQuicklink() {
        assertThat(quicklinks()).hasSize(1);
        api.call("DELETE", "/api/v1/integrations/" + id, null);
        assertThat(quicklinks()).isEmpty();
    }

    private List<io.ziiklb.ziik.ZiikQuicklink> quicklinks() {
        return new ZiikClient(PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback()), ziik.baseUrl(),
                ziik.config().adminEmail(), ziik.config().adminPassword(), Clock.systemUTC(), Sleeper.SYSTEM,
                ZiikClientPolicy.defaults()).quicklinks();
    }

    private String launchUrl(String target, String token) {
        return "/sso/" + id + "/launch?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + (token == null ? "" : "&token=" + token);
    }

    static String token(long ziikUserId, String key, Duration lifetime) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims(ziikUserId, lifetime).build());
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private String expired(long ziikUserId) throws Exception {
        Instant iat = Instant.now().minus(Duration.ofMinutes(10));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(Long.toString(ziikUserId))
                .issueTime(Date.from(iat)).expirationTime(Date.from(iat.plusSeconds(60))).jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims(long ziikUserId, Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(Long.toString(ziikUserId)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime))).jwtID(UUID.randomUUID().toString());
    }

    /** A browser: its own cookies, redirects not followed (each is looked at). */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return follow("http://localhost:" + port + path);
        }

        HttpResponse<String> follow(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Follows a login link through Learningbank's own redirect to the page it lands on. */
        HttpResponse<String> land(String loginLink) throws Exception {
            HttpResponse<String> answer = follow(loginLink);
            while (answer.statusCode() == 302) {
                answer = follow(URI.create(loginLink).resolve(answer.headers().firstValue("Location").orElseThrow()).toString());
            }
            return answer;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
