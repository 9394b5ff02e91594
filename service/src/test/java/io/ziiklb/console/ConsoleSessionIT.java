package io.ziiklb.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The console's session: its cookie's flags, a new id at sign-in, the idle timeout as applied to
 * the session, sign-out ending it, the two refusals in words, and what the sign-in page does with
 * what it is given (no reflected {@code ?error=}, no redirect to a saved address, security headers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:consolesession;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class ConsoleSessionIT {
    static ZiikSimulator ziik;
    static SeededPeople people;

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @BeforeAll
    static void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        people = ziik.seedPeople();
    }

    @AfterAll
    static void stop() {
        ziik.close();
    }

    private HttpResponse<String> signIn(ConsoleHttp console) {
        return console.signIn(ziik.baseUrl(), people.administrator().email(), people.administrator().password());
    }

    @Test
    void everyCookieIsHttpOnlyAndLaxNotSecureOverHttpAndNoneCarriesTheCsrfToken() {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        List<String> setCookies = new ArrayList<>(ConsoleHttp.setCookies(console.get("/")));
        String tokenBefore = console.csrfToken();
        setCookies.addAll(ConsoleHttp.setCookies(signIn(console)));
        setCookies.addAll(ConsoleHttp.setCookies(console.get("/integrations")));
        setCookies.addAll(ConsoleHttp.setCookies(console.get("/integrations/new")));

        assertThat(setCookies).isNotEmpty().allSatisfy(cookie -> {
            assertThat(cookie).startsWith("ZIIKLB_SESSION=").containsIgnoringCase("; HttpOnly").containsIgnoringCase("SameSite=Lax");
            assertThat(cookie).doesNotContainIgnoringCase("secure");
            assertThat(cookie).doesNotContain(tokenBefore).doesNotContain(console.csrfToken());
        });
    }

    @Test
    void aScriptOnThePageSeesNoCookieAndSoNoToken() {
        try (ChromiumForTests browser = new ChromiumForTests()) {
            Page page = browser.newPage();
            page.navigate("http://127.0.0.1:" + port + "/");
            page.getByLabel("Ziik address").fill(ziik.baseUrl());
            page.getByLabel("Email").fill(people.administrator().email());
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(people.administrator().password());
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            page.waitForURL("**/integrations");
            assertThat(page.evaluate("document.cookie")).isEqualTo("");
            assertThat(page.context().cookies()).isNotEmpty().allSatisfy(c -> assertThat(c.httpOnly).isTrue());
        }
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        console.get("/");
        String before = console.sessionId().orElseThrow();
        signIn(console);
        assertThat(console.sessionId()).hasValueSatisfying(after -> assertThat(after).isNotEqualTo(before));

        ConsoleHttp fixed = ConsoleHttp.onPort(port);
        fixed.useSession(before);
        assertThat(fixed.get("/integrations").statusCode()).as("the id from before sign-in opens nothing").isEqualTo(302);
    }

    @Test
    void theCsrfTokenFromBeforeSignInIsNoLongerAccepted() {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        signIn(console); // the token the client holds is the sign-in page's
        assertThat(console.post("/signout", java.util.Map.of()).statusCode()).isEqualTo(403);
        console.get("/integrations");
        assertThat(console.post("/signout", java.util.Map.of()).statusCode()).as("the page's own token").isEqualTo(302);
    }

    @Test
    void theSessionEndsAfterThirtyIdleMinutes() throws java.io.IOException {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        signIn(console);
        String id = console.sessionId().orElseThrow();
        Context webapp = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(webapp.getManager().findSession(id)).isNotNull()
                .satisfies(s -> assertThat(s.getMaxInactiveInterval()).isEqualTo(30 * 60));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        signIn(console);
        console.get("/integrations"); // its "Sign out" form's token
        String id = console.sessionId().orElseThrow();
        HttpResponse<String> out = console.post("/signout", java.util.Map.of());
        assertThat(out.statusCode()).isEqualTo(302);

        ConsoleHttp stolen = ConsoleHttp.onPort(port);
        stolen.useSession(id);
        HttpResponse<String> answer = stolen.get("/integrations");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("/integrations");
    }

    @Test
    void aWrongPasswordAndANonAdministratorAreToldWhy() {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        HttpResponse<String> wrong = console.signIn(ziik.baseUrl(), people.employee().email(), "not-the-password");
        assertThat(console.get(wrong.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("Ziik did not accept that email and password");

        HttpResponse<String> employee = console.signIn(ziik.baseUrl(), people.employee().email(), people.employee().password());
        assertThat(console.get(employee.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("Only Ziik administrators can configure the Learningbank integration");
        assertThat(console.get("/integrations").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void theSignInPageShowsOnlyItsOwnWordsForAnError() {
        HttpResponse<String> page = ConsoleHttp.onPort(port).get("/?error=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("alert(1)")
                .contains("Ziik did not accept that email and password");
        HttpResponse<String> address = ConsoleHttp.onPort(port).get("/?address=%22%3E%3Cscript%3Ealert(2)%3C/script%3E");
        assertThat(address.body()).doesNotContain("<script>alert(2)");
    }

    @Test
    void signingInGoesToTheIntegrationsWhateverWasAskedForBefore() {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        HttpResponse<String> asked = console.get("/integrations/new?next=https://evil.example/");
        assertThat(asked.statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = signIn(console);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow().replace("http://127.0.0.1:" + port, ""))
                .isEqualTo("/integrations");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        for (HttpResponse<String> page : List.of(console.get("/"), signIn(console), console.get("/integrations"))) {
            var h = page.headers();
            assertThat(h.firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
                    .contains("frame-ancestors 'none'").contains("form-action 'self'");
            assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(h.firstValue("Cache-Control").orElse("")).contains("no-store");
            assertThat(h.firstValue("Strict-Transport-Security")).as("not under http").isEmpty();
        }
    }
}
