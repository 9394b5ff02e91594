package io.ziiklb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.testkit.LaunchTokens;
import io.ziiklb.ziik.webhook.Signature;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The log scan (service-api.md, "Operations": no password, token or secret in a log line). The
 * service's whole log output, at DEBUG for its own code and for Spring's web and security
 * packages (which print request lines, queries included, at DEBUG), is captured while it goes through what
 * touches every secret it holds: integrations created with known credentials (and refused with
 * wrong ones, one of them a token with a line break), synchronisations, webhook deliveries signed
 * with the shared secret (and some badly signed or at a wrong secret address), requests with wrong
 * operator and metrics tokens. None of those strings, nor the Basic credentials made from them,
 * nor the secret key, may appear in it. Automatic sign-in too: its SSO secrets, the launch tokens
 * (good, replayed, wrongly signed, expired, with a target off the platform, minted by the Ziik
 * simulator at a click), Learningbank's login links, the remembered sign-in's cookie and the
 * password typed on the sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + LogScanIT.OPERATOR_TOKEN,
        "ziiklb.metrics-token=" + LogScanIT.METRICS_TOKEN,
        "ziiklb.secret-key=" + LogScanIT.SECRET_KEY,
        "spring.datasource.url=jdbc:h2:mem:logscan;" + TestDatabase.H2_OPTIONS,
        "logging.level.io.ziiklb=DEBUG",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG",
})
@ExtendWith(OutputCaptureExtension.class)
class LogScanIT {
    static final String OPERATOR_TOKEN = "op-tok-4f1c9a7e-logscan";
    static final String METRICS_TOKEN = "metrics-tok-8d2e6b30-logscan";
    static final String SECRET_KEY = "S2V5Rm9yVGhlTG9nU2NhbjAxMjM0NTY3ODlhYmNkZWY=";
    static final String ZIIK_PASSWORD = "zk-pass-93b7c2d1-logscan";
    static final String SHARED_SECRET = "zk-shared-5e0a4f88-logscan";
    static final String LB_USERNAME = "lb-user-logscan";
    static final String LB_PASSWORD = "lb-pass-27c9e1b4-logscan";
    static final String LB_TOKEN = "lb-tok-c61d0f95-logscan";
    static final String WRONG_PASSWORD = "zk-wrong-0b8e3a62-logscan";
    static final String WRONG_TOKEN = "lb-wrong-7f4d2c19-logscan";

    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static SeededPeople people;

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSimulators() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults().withAdmin("integration@logscan.test", ZIIK_PASSWORD)
                .withSharedSecret(SHARED_SECRET));
        OrganisationGenerator.populate(ziik.organisation(), 30, 3);
        people = ziik.seedPeople();
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults()
                .withCredentials(LB_USERNAME, LB_PASSWORD, LB_TOKEN));
    }

    @AfterAll
    static void stopSimulators() {
        ziik.close();
        learningbank.close();
    }

    @Test
    void noSecretTheTestsUseAppearsInTheLog(CapturedOutput output) throws Exception {
        AdminApiClient api = AdminApiClient.onPort(port, OPERATOR_TOKEN);
        List<String> webhookSecrets = new ArrayList<>();

        // refused: wrong credentials on each side
        assertThat(api.post("/api/v1/integrations", body(WRONG_PASSWORD, LB_TOKEN)).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/integrations", body(ZIIK_PASSWORD, WRONG_TOKEN)).status()).isEqualTo(422);

        // created, synchronised, changed live through signed deliveries
        String id = api.post("/api/v1/integrations", body(ZIIK_PASSWORD, LB_TOKEN)).ok().path("id").asString();
        syncToEnd(api, id);
        ZiikOrganisation org = ziik.organisation();
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@logscan.test", Membership.of(kitchen)));
        org.updateUser(ann, UserUpdate.none().withName("Ann", "Holm"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> learningbank.state().findUserByExternalId("ziik:" + ann)
                        .filter(u -> "Holm".equals(u.lastName())).isPresent());
        assertThat(ziik.awaitDeliveriesIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ziik.deliveryLog()).isNotEmpty();
        ziik.deliveryLog().forEach(d -> webhookSecrets.add(secretOf(d.uri())));

        // deliveries refused: a bad signature, a wrong secret address
        String address = "/hooks/ziik/" + id + "/" + ziik.deliveryLog().stream().map(d -> d.uri())
                .filter(uri -> uri.contains("/hooks/ziik/" + id + "/")).map(LogScanIT::secretOf).findFirst().orElseThrow();
        String user = "{\"id\": " + ann + ", \"first_name\": \"Ann\"}";
        assertThat(deliver(address, user, "sha256=" + "0".repeat(64))).isEqualTo(401);
        assertThat(deliver("/hooks/ziik/" + id + "/" + SHARED_SECRET, user, Signature.of(SHARED_SECRET, user.getBytes())))
                .isEqualTo(404);

        // the API and the metrics with wrong tokens, and the metrics token where it opens nothing
        assertThat(AdminApiClient.onPort(port, WRONG_TOKEN).get("/api/v1/integrations").status()).isEqualTo(401);
        assertThat(AdminApiClient.onPort(port, METRICS_TOKEN).get("/api/v1/integrations").status()).isEqualTo(403);
        assertThat(AdminApiClient.onPort(port, METRICS_TOKEN).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.call("PATCH", "/api/v1/integrations/" + id, Map.of("learningbank", Map.of("token", WRONG_TOKEN)))
                .status()).isEqualTo(422);
        syncToEnd(api, id);

        String log = output.getAll();
        assertThat(log).as("the scan saw the service at work").contains("synchronisation").contains("refused GET");
        List<String> secrets = new ArrayList<>(List.of(OPERATOR_TOKEN, METRICS_TOKEN, SECRET_KEY, ZIIK_PASSWORD,
                SHARED_SECRET, LB_PASSWORD, LB_TOKEN, WRONG_PASSWORD, WRONG_TOKEN,
                basic(LB_USERNAME, LB_PASSWORD), basic(LB_USERNAME, WRONG_TOKEN)));
        secrets.addAll(webhookSecrets);
        for (String secret : secrets) {
            assertThat(log).as("the log holds a secret the tests use").doesNotContain(secret);
        }
        assertThat(log).as("no JSON web token (Ziik's bearer tokens)").doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.");
    }

    @Test
    void noLaunchTokenSsoSecretOrLoginLinkAppearsInTheLog(CapturedOutput output) throws Exception {
        AdminApiClient api = AdminApiClient.onPort(port, OPERATOR_TOKEN);
        String id = api.post("/api/v1/integrations", body(ZIIK_PASSWORD, LB_TOKEN)).ok().path("id").asString();
        syncToEnd(api, id);
        String rotatedAway = api.post("/api/v1/integrations/" + id + "/sso", Map.of()).ok().path("secret").asString();
        JsonNode on = api.post("/api/v1/integrations/" + id + "/sso", Map.of()).ok();
        String secret = on.path("secret").asString();
        String launchUrl = on.path("launchUrl").asString();
        int employee = people.employee().id();
        List<String> leaks = new ArrayList<>(List.of(rotatedAway, secret, people.employee().password(), WRONG_PASSWORD));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        // signed in with a good token: the login link it got is a secret too, and so is the cookie
        String good = LaunchTokens.forUser(employee, secret, Instant.now()).sign();
        HttpResponse<String> signedIn = open(browser, LaunchTokens.launchUrl(launchUrl, "/courses/42?tab=intro", good));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String loginLink = signedIn.headers().firstValue("Location").orElseThrow();
        leaks.addAll(List.of(good, loginLink, loginLink.substring(loginLink.lastIndexOf('/') + 1)));
        ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .map(HttpCookie::getValue).forEach(leaks::add);

        // refused: replayed, signed with the old secret, expired, a target off the platform
        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String old = LaunchTokens.forUser(employee, rotatedAway, Instant.now()).sign();
        String expired = LaunchTokens.forUser(employee, secret, Instant.now().minusSeconds(600)).sign();
        String offPlatform = LaunchTokens.forUser(employee, secret, Instant.now()).sign();
        assertThat(open(stranger, LaunchTokens.launchUrl(launchUrl, "/", good)).statusCode()).isEqualTo(401);
        assertThat(open(stranger, LaunchTokens.launchUrl(launchUrl, "/", old)).statusCode()).isEqualTo(401);
        assertThat(open(stranger, LaunchTokens.launchUrl(launchUrl, "/", expired)).statusCode()).isEqualTo(401);
        assertThat(open(stranger, LaunchTokens.launchUrl(launchUrl, "https://evil.example/", offPlatform)).statusCode())
                .isEqualTo(400);
        leaks.addAll(List.of(old, expired, offPlatform));

        // a click in the simulated Ziik (its own token), for a user Ziik's webhooks never told the service about
        ziik.sso(launchUrl, secret, learningbank.platformUrl());
        ziik.setDeliveries(DeliverySwitches.reliable().withDropRate(1.0));
        int newcomer;
        try {
            newcomer = ziik.organisation().createUser(NewUser.of("Nina", "New", "nina.new@logscan.test",
                    Membership.of(ziik.organisation().topUnitId())));
        } finally {
            ziik.setDeliveries(DeliverySwitches.reliable());
        }
        String click = open(stranger, ziik.openUrl(newcomer, learningbank.platformUrl() + "/")).headers()
                .firstValue("Location").orElseThrow();
        HttpResponse<String> onTheSpot = open(stranger, click);
        assertThat(onTheSpot.statusCode()).as("synchronised on the spot and signed in").isEqualTo(302);
        String spotLink = onTheSpot.headers().firstValue("Location").orElseThrow();
        leaks.addAll(List.of(click.substring(click.indexOf("token=") + 6), spotLink,
                spotLink.substring(spotLink.lastIndexOf('/') + 1)));

        // the sign-in page: a wrong password, then the right one
        HttpClient newBrowser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = open(newBrowser, launchUrl).body();
        String csrf = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertThat(signIn(newBrowser, id, WRONG_PASSWORD, csrf).statusCode()).isEqualTo(401);
        HttpResponse<String> typed = signIn(newBrowser, id, people.employee().password(), csrf);
        assertThat(typed.statusCode()).isEqualTo(302);
        leaks.add(typed.headers().firstValue("Location").orElseThrow());

        String log = output.getAll();
        assertThat(log).as("the scan saw the launches").contains("signed in to Learningbank").contains("launch token");
        for (String leak : leaks) {
            assertThat(log).as("the log holds a sign-in secret").doesNotContain(leak);
        }
        assertThat(log).as("no JSON web token (launch tokens)").doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.");
        assertThat(log).as("no Learningbank login link").doesNotContain("/sso/ticket/");
    }

    private static HttpResponse<String> open(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(HttpClient browser, String id, String password, String csrf) throws Exception {
        String form = "email=" + URLEncoder.encode(people.employee().email(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&target=%2F&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sso/" + id + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Issue 11, point 4: a token with a line break reached the HTTP client, whose exception (with the
     * token in its message) the API logged. Header-bound values are now validated before use.
     */
    @Test
    void aTokenThatWouldBreakAHeaderIsRefusedWithoutBeingLogged(CapturedOutput output) {
        AdminApiClient api = AdminApiClient.onPort(port, OPERATOR_TOKEN);
        String hostile = WRONG_TOKEN + "-crlf\r\nX-Injected: 1";
        assertThat(api.post("/api/v1/integrations", body(ZIIK_PASSWORD, hostile)).status()).isBetween(400, 499);
        assertThat(output.getAll()).doesNotContain(WRONG_TOKEN + "-crlf");
    }

    private Map<String, Object> body(String ziikPassword, String learningbankToken) {
        return Map.of(
                "ziik", Map.of("baseUrl", ziik.baseUrl(), "username", ziik.config().adminEmail(), "password", ziikPassword,
                        "sharedSecret", SHARED_SECRET),
                "learningbank", Map.of("baseUrl", learningbank.baseUrl(), "username", LB_USERNAME,
                        "password", LB_PASSWORD, "token", learningbankToken));
    }

    private static void syncToEnd(AdminApiClient api, String id) {
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode run = api.get("/api/v1/integrations/" + id + "/syncs/" + syncId).json();
            return !run.path("status").asString().equals("running");
        });
    }

    private int deliver(String path, String body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?event=user.update"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("X-Ziik-Signature", signature).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The secret path segment of a webhook address {@code .../hooks/ziik/<id>/<secret>?event=...}. */
    private static String secretOf(String uri) {
        String path = URI.create(uri).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String basic(String username, String password) {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
