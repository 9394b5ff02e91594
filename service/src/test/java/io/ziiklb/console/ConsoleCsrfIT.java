package io.ziiklb.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Cross-site request forgery: every form of the pages (read from the handler mapping, so a new form
 * is covered), sign-in and sign-out included, is refused without the session's CSRF token or with
 * a wrong one, and nothing changes; a change to the API made with the session cookie needs the
 * token too, while the operator's bearer token (no ambient credential) needs none, and a bearer
 * token that is wrong is not rescued by the session beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:consolesecurity;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "ziiklb.operator-token=" + ConsoleCsrfIT.OPERATOR_TOKEN,
})
class ConsoleCsrfIT {
    static final String OPERATOR_TOKEN = "operator-token-for-console-security";
    static final Map<String, Object> QUIET = Map.of("fullSyncIntervalMinutes", 0, "rolePollIntervalMinutes", 0);
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static SeededPeople people;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    AdminApiClient operator;
    String integrationId;

    @BeforeAll
    static void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        people = ziik.seedPeople();
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
    }

    @AfterAll
    static void stop() {
        ziik.close();
        learningbank.close();
    }

    @BeforeEach
    void anIntegration() {
        operator = AdminApiClient.onPort(port, OPERATOR_TOKEN);
        var existing = operator.get("/api/v1/integrations").ok().path("data");
        integrationId = existing.isEmpty()
                ? operator.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, QUIET)).ok().path("id").asString()
                : existing.get(0).path("id").asString();
    }

    private ConsoleHttp signedIn() {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        HttpResponse<String> answer = console.signIn(ziik.baseUrl(), people.administrator().email(), people.administrator().password());
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/integrations"));
        assertThat(console.get("/integrations").statusCode()).isEqualTo(200);
        return console;
    }

    @Test
    void everyFormPostWithoutTheTokenOrWithAWrongOneIsRefusedAndChangesNothing() {
        List<String> posts = new ArrayList<>(ConsoleRoutes.pageForms(mapping).stream().map(r -> r.path(integrationId, "1")).toList());
        assertThat(posts).contains("/integrations/" + integrationId + "/remove", "/integrations/" + integrationId + "/settings",
                "/integrations/new/ziik");
        posts.add("/signout"); // Spring Security's, not a controller's
        ConsoleHttp console = signedIn();
        String before = operator.get("/api/v1/integrations/" + integrationId).ok().toString();

        List<String> accepted = new ArrayList<>();
        for (String path : posts) {
            Map<String, String> form = Map.of("ziikUsername", "forged@example.com", "lbUsername", "forged");
            if (console.postRaw(path, form).statusCode() != 403) {
                accepted.add(path + " without a token");
            }
            Map<String, String> wrong = new java.util.HashMap<>(form);
            wrong.put("_csrf", "not-the-token");
            if (console.postRaw(path, wrong).statusCode() != 403) {
                accepted.add(path + " with a wrong token");
            }
        }

        assertThat(accepted).isEmpty();
        assertThat(operator.get("/api/v1/integrations/" + integrationId).ok().toString()).isEqualTo(before);
        assertThat(operator.get("/api/v1/integrations").ok().path("data").size()).isEqualTo(1);
        assertThat(console.get("/integrations").statusCode()).as("still signed in: the forged sign-out did nothing").isEqualTo(200);
    }

    @Test
    void theRefusalIsAPageNotABlankAnswer() {
        ConsoleHttp console = signedIn();
        HttpResponse<String> refused = console.postRaw("/integrations/" + integrationId + "/disable", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("<html").contains("Nothing was done");
        assertThat(operator.get("/api/v1/integrations/" + integrationId).ok().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        HttpResponse<String> answer = console.postRaw("/signin", Map.of("address", ziik.baseUrl(),
                "email", people.administrator().email(), "password", people.administrator().password()));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("Nothing was done");
        assertThat(console.get("/integrations").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void everyApiChangeWithTheSessionButNoTokenIsRefused() {
        List<ConsoleRoutes> changes = ConsoleRoutes.apiChanges(mapping);
        assertThat(changes).extracting(ConsoleRoutes::toString)
                .contains("POST /api/v1/integrations", "PATCH /api/v1/integrations/{id}", "DELETE /api/v1/integrations/{id}");
        ConsoleHttp console = signedIn();
        String before = operator.get("/api/v1/integrations/" + integrationId).ok().toString();

        List<String> accepted = new ArrayList<>();
        for (ConsoleRoutes route : changes) {
            HttpResponse<String> answer = console.api(route.method().name(), route.path(integrationId, "1"), "{}");
            if (answer.statusCode() != 403) {
                accepted.add(route + ": " + answer.statusCode());
            }
        }

        assertThat(accepted).isEmpty();
        assertThat(operator.get("/api/v1/integrations/" + integrationId).ok().toString()).isEqualTo(before);
    }

    @Test
    void theSameChangeWorksWithTheSessionsTokenOrTheOperatorsBearerToken() {
        ConsoleHttp console = signedIn();
        String disable = "/api/v1/integrations/" + integrationId + "/disable";
        String enable = "/api/v1/integrations/" + integrationId + "/enable";
        assertThat(console.api("POST", disable, null).statusCode()).isEqualTo(403);
        assertThat(enabled()).isTrue();

        assertThat(console.api("POST", disable, null, "X-CSRF-TOKEN", console.csrfToken()).statusCode()).isEqualTo(200);
        assertThat(enabled()).isFalse();
        assertThat(console.api("POST", enable, null, "Authorization", "Bearer " + OPERATOR_TOKEN).statusCode()).isEqualTo(200);
        assertThat(enabled()).isTrue();
    }

    @Test
    void aWrongBearerTokenIsNotRescuedByTheSessionBesideIt() {
        ConsoleHttp console = signedIn();
        String disable = "/api/v1/integrations/" + integrationId + "/disable";
        HttpResponse<String> answer = console.api("POST", disable, null, "Authorization", "Bearer not-the-operator-token");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(enabled()).isTrue();
        assertThat(console.api("GET", "/api/v1/integrations", null, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(console.api("GET", "/api/v1/integrations", null).statusCode()).as("the session alone reads").isEqualTo(200);
    }

    private boolean enabled() {
        return operator.get("/api/v1/integrations/" + integrationId).ok().path("enabled").asBoolean();
    }
}
