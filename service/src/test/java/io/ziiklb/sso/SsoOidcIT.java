package io.ziiklb.sso;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ziiklb.console.ChromiumForTests;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Automatic sign-in through the integration's OpenID Connect provider, end to end against a real
 * one ({@link TestIdentityProvider}, Spring Authorization Server): a person signed in there lands
 * in Learningbank without a word (one silent request); a person not signed in there is asked to
 * (the silent request answered {@code login_required}, then the provider's form); the claim may be
 * {@code upn}; someone who is no Ziik user gets a page that says so; the target's path and query
 * survive the round trip; a provider that is no allowed peer is not called. Over java.net.http, each
 * redirect looked at, and once in Chromium (the session cookie through the provider and back).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + SsoOidcIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:ssooidc;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        // the provider refuses redirects to "localhost" (OAuth 2.1): the service is reached at 127.0.0.1
        "ziiklb.public-url=http://127.0.0.1:${local.server.port:${server.port}}",
})
class SsoOidcIT {
    static final String TOKEN = "operator-token-for-sso-oidc";
    static final String CLIENT_SECRET = "client-secret-of-ziiklb-at-the-provider";
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static SeededPeople people;
    static TestIdentityProvider provider;

    @LocalServerPort
    int port;
    AdminApiClient api;
    String id;

    @BeforeAll
    static void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 20, 3);
        people = ziik.seedPeople();
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
        provider = TestIdentityProvider.start();
        String email = people.employee().email();
        // the email in another case: matched without regard to it
        provider.person(new TestIdentityProvider.Person("erik", "erik-at-the-provider", email.toUpperCase(Locale.ROOT),
                "erik@contoso.example"));
        provider.person(new TestIdentityProvider.Person("erik-upn", "erik-upn-at-the-provider", "erik.other@contoso.example",
                email));
        provider.person(new TestIdentityProvider.Person("stranger", "stranger-at-the-provider", "stranger@contoso.example",
                "stranger@contoso.example"));
    }

    @AfterAll
    static void stop() {
        provider.close();
        ziik.close();
        learningbank.close();
    }

    @BeforeEach
    void integrationWithTheProvider() {
        api = new AdminApiClient("http://127.0.0.1:" + port, TOKEN);
        for (JsonNode existing : api.get("/api/v1/integrations").json().path("data")) {
            api.call("DELETE", "/api/v1/integrations/" + existing.path("id").asString(), null);
        }
        id = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of())).json().path("id").asString();
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/v1/integrations/" + id + "/syncs/" + syncId)
                .json().path("status").asString().equals("running"));
        provider.client("ziiklb-" + id, CLIENT_SECRET, "http://127.0.0.1:" + port + "/sso/" + id + "/oidc/callback");
        turnOn(provider.issuer(), "email");
    }

    private void turnOn(String issuer, String claim) {
        AdminApiClient.Answer on = api.post("/api/v1/integrations/" + id + "/sso", Map.of("oidc", Map.of("issuer", issuer,
                "clientId", "ziiklb-" + id, "clientSecret", CLIENT_SECRET, "claim", claim)));
        assertThat(on.status()).as(on.body()).isEqualTo(200);
    }

    @Test
    void signedInAtTheProvider_thePersonLandsSilently_atTheTargetsPathAndQuery() throws Exception {
        Browser browser = new Browser();
        browser.signInAtProvider("erik", "erik-at-the-provider");
        int silentBefore = TestIdentityProvider.SILENT_REQUESTS.get();
        int allBefore = TestIdentityProvider.AUTHORIZE_REQUESTS.get();

        HttpResponse<String> landed = browser.go(launch(learningbank.platformUrl() + "/courses/42?tab=intro"));
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("Signed in as Erik Employee").contains("Path: /courses/42");
        assertThat(landed.uri().toString()).endsWith("/courses/42?tab=intro");
        assertThat(TestIdentityProvider.SILENT_REQUESTS.get() - silentBefore).as("one silent request").isEqualTo(1);
        assertThat(TestIdentityProvider.AUTHORIZE_REQUESTS.get() - allBefore).as("and no other").isEqualTo(1);
        assertThat(browser.visited).noneMatch(u -> u.contains("/login"));

        browser.visited.clear();
        browser.go("http://127.0.0.1:" + port + "/integrations");
        assertThat(browser.visited.getLast()).as("signed in to Learningbank, not to the console")
                .isEqualTo("http://127.0.0.1:" + port + "/");
    }

    @Test
    void notSignedInAtTheProvider_theSilentRequestFallsBackToTheProvidersForm_thenTheBrowserIsRemembered() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> form = browser.go(launch("/courses/7?from=chat"));
        assertThat(browser.visited).anyMatch(u -> u.contains("/oauth2/authorize") && u.contains("prompt=none"));
        assertThat(browser.visited).anyMatch(u -> u.contains("/oidc/callback") && u.contains("error=login_required"));
        assertThat(browser.visited.getLast()).isEqualTo(provider.issuer() + "/login");
        assertThat(form.statusCode()).isEqualTo(200);

        HttpResponse<String> landed = browser.submitLogin(form, "erik", "erik-at-the-provider");
        assertThat(landed.body()).contains("Signed in as Erik Employee").contains("Path: /courses/7");
        assertThat(landed.uri().toString()).endsWith("/courses/7?from=chat");

        browser.visited.clear();
        HttpResponse<String> again = browser.go(launch("/"));
        assertThat(again.body()).as("remembered: no provider, no form").contains("Signed in as Erik Employee");
        assertThat(browser.visited).noneMatch(u -> u.startsWith(provider.issuer()));
    }

    @Test
    void theUpnClaimWhenConfigured() throws Exception {
        Browser byEmail = new Browser();
        byEmail.signInAtProvider("erik-upn", "erik-upn-at-the-provider");
        assertThat(byEmail.go(launch("/")).statusCode()).as("its email is no Ziik user's").isEqualTo(403);

        turnOn(provider.issuer(), "upn");
        Browser byUpn = new Browser();
        byUpn.signInAtProvider("erik-upn", "erik-upn-at-the-provider");
        HttpResponse<String> landed = byUpn.go(launch("/courses/3"));
        assertThat(landed.body()).contains("Signed in as Erik Employee").contains("Path: /courses/3");
    }

    @Test
    void someoneWhoIsNoZiikUser_getsAPageThatSaysSo() throws Exception {
        Browser browser = new Browser();
        browser.signInAtProvider("stranger", "stranger-at-the-provider");
        HttpResponse<String> refused = browser.go(launch("/"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("Your account is not a Ziik user here");
        assertThat(browser.visited.getLast()).contains("/sso/" + id + "/oidc/callback");
    }

    @Test
    void anAnswerNoSignInWaitsFor_andAProviderThatIsNoAllowedPeer_areRefused() throws Exception {
        HttpResponse<String> stale = new Browser().go("http://127.0.0.1:" + port + "/sso/" + id + "/oidc/callback?code=x&state=y");
        assertThat(stale.statusCode()).isEqualTo(401);

        turnOn("https://idp.internal.example", "email");
        Browser browser = new Browser();
        HttpResponse<String> form = browser.go(launch("/"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).as("the sign-in page instead").contains("Sign in to Learningbank");
        assertThat(browser.visited).hasSize(1);
    }

    @Test
    void inChromium_theProvidersFormOnce_thenLearningbankAtTheLinksPath_andTheNoSuchUserPageIsReadable() {
        try (ChromiumForTests chromium = new ChromiumForTests()) {
            Page page = chromium.newPage();
            page.navigate(launch(learningbank.platformUrl() + "/courses/42?tab=intro"));
            signInAtTheProvidersForm(page, "erik", "erik-at-the-provider");
            assertThat(page).hasURL(Pattern.compile(".*/courses/42\\?tab=intro$"));
            assertThat(page.getByText("Signed in as Erik Employee")).isVisible();

            Page stranger = chromium.newPage();
            stranger.navigate(launch("/"));
            signInAtTheProvidersForm(stranger, "stranger", "stranger-at-the-provider");
            assertThat(stranger.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Your account is not a Ziik user here"))).isVisible();
            assertThat(chromium.check(stranger, "23-sso-oidc-no-such-user")).isEmpty();
        }
    }

    private static void signInAtTheProvidersForm(Page page, String username, String password) {
        assertThat(page).hasURL(provider.issuer() + "/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private String launch(String target) {
        return "http://127.0.0.1:" + port + "/sso/" + id + "/launch?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    /** A browser: its own cookies; it follows redirects itself and keeps the addresses it went to. */
    private static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        final List<String> visited = new ArrayList<>();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> go(String url) throws Exception {
            return follow(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        private HttpResponse<String> follow(HttpResponse<String> answer) throws Exception {
            visited.add(answer.uri().toString());
            for (int hops = 0; answer.statusCode() / 100 == 3 && hops < 20; hops++) {
                URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
                answer = http.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
                visited.add(answer.uri().toString());
            }
            return answer;
        }

        /** Signs in at the provider's own page first, as a person who used another app of theirs today. */
        void signInAtProvider(String username, String password) throws Exception {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> done = post(form, username, password);
            assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        /** The provider's login form, filled in and sent; then wherever that leads. */
        HttpResponse<String> submitLogin(HttpResponse<String> form, String username, String password) throws Exception {
            return follow(post(form, username, password));
        }

        private HttpResponse<String> post(HttpResponse<String> form, String username, String password) throws Exception {
            Matcher csrf = CSRF.matcher(form.body());
            assertThat(csrf.find()).as(form.body()).isTrue();
            String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(302);
            return answer;
        }
    }
}
