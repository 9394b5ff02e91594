package io.ziiklb.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.testkit.AdminApiClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No secret in what a browser gets: with two integrations made from known passwords, tokens and
 * shared secrets, every page of the console (read from the handler mapping: list, integration,
 * synchronise, a sync's progress, the wizard's steps, the removal's confirmation), the pages a
 * refused form shows again with what was typed, the API's views and every cookie, seen by a
 * tenant's administrator and by the operator, contain none of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:consolesecrets;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "ziiklb.operator-token=" + ConsoleSecretsIT.OPERATOR_TOKEN,
})
class ConsoleSecretsIT {
    static final String OPERATOR_TOKEN = "operator-token-for-console-secrets-41d7";
    static TwoTenants tenants;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @BeforeAll
    static void start() {
        tenants = new TwoTenants();
    }

    @AfterAll
    static void stop() {
        tenants.close();
    }

    @Test
    void noPageCookieOrApiViewShowsAnySecret() {
        AdminApiClient operatorApi = AdminApiClient.onPort(port, OPERATOR_TOKEN);
        String idA = tenants.a.create(operatorApi);
        String idB = tenants.b.create(operatorApi);
        String syncA = operatorApi.post("/api/v1/integrations/" + idA + "/syncs", null).ok().path("syncId").asString();
        String syncB = operatorApi.post("/api/v1/integrations/" + idB + "/syncs", null).ok().path("syncId").asString();
        List<String> secrets = new ArrayList<>(tenants.a.secrets());
        secrets.addAll(tenants.b.secrets());
        secrets.add(OPERATOR_TOKEN);

        List<HttpResponse<String>> seen = new ArrayList<>();
        ConsoleHttp admin = ConsoleHttp.onPort(port);
        seen.add(admin.get("/"));
        seen.add(admin.post("/signin", Map.of("address", tenants.a.ziik().baseUrl(),
                "email", tenants.a.people().administrator().email(), "password", tenants.a.people().administrator().password())));
        seen.addAll(everyPage(admin, idA, syncA));
        seen.addAll(wizard(admin));
        seen.add(admin.post("/integrations/" + idA + "/settings", typedAgain(tenants.a)));
        seen.add(admin.api("GET", "/api/v1/integrations", null));
        seen.add(admin.api("GET", "/api/v1/integrations/" + idA, null));

        ConsoleHttp operator = ConsoleHttp.onPort(port);
        operator.get("/");
        seen.add(operator.post("/signin", Map.of("address", "", "email", "", "password", "", "operatorToken", OPERATOR_TOKEN)));
        seen.addAll(everyPage(operator, idA, syncA));
        seen.addAll(everyPage(operator, idB, syncB));
        seen.add(operator.post("/integrations/" + idB + "/settings", typedAgain(tenants.b)));

        assertThat(seen).hasSizeGreaterThan(20);
        assertThat(seen).filteredOn(r -> r.uri().getPath().endsWith("/settings")).hasSize(2).allSatisfy(r ->
                assertThat(r.body()).as("the refused settings form is shown again").contains("field-error"));
        for (HttpResponse<String> answer : seen) {
            String shown = answer.body() + " " + String.join(" ", ConsoleHttp.setCookies(answer)) + " " + answer.headers().map();
            assertThat(secrets).as(answer.uri().toString()).allSatisfy(secret -> assertThat(shown).doesNotContain(secret));
        }
    }

    /** Every page of the console for this integration and sync, as this viewer. */
    private List<HttpResponse<String>> everyPage(ConsoleHttp console, String id, String syncId) {
        List<HttpResponse<String>> pages = new ArrayList<>();
        for (ConsoleRoutes route : ConsoleRoutes.pages(mapping)) {
            HttpResponse<String> page = console.get(route.path(id, syncId));
            pages.add(page);
        }
        assertThat(pages).filteredOn(p -> p.uri().getPath().equals("/integrations/" + id))
                .singleElement().satisfies(p -> assertThat(p.statusCode()).isEqualTo(200));
        return pages;
    }

    /** The wizard's steps, each refused once with secrets typed (the step shows again) and then passed. */
    private List<HttpResponse<String>> wizard(ConsoleHttp admin) {
        var lb = tenants.a.lb();
        var ziik = tenants.a.ziik().config();
        List<HttpResponse<String>> pages = new ArrayList<>();
        pages.add(admin.get("/integrations/new"));
        pages.add(admin.post("/integrations/new/learningbank", Map.of("lbAddress", tenants.a.learningbank().baseUrl(),
                "lbUsername", lb.username(), "lbPassword", lb.password(), "lbToken", "wrong-" + lb.token())));
        pages.add(admin.post("/integrations/new/learningbank", Map.of("lbAddress", tenants.a.learningbank().baseUrl(),
                "lbUsername", lb.username(), "lbPassword", lb.password(), "lbToken", lb.token())));
        pages.add(admin.get("/integrations/new/job-profile"));
        pages.add(admin.get("/integrations/new/ziik"));
        pages.add(admin.post("/integrations/new/ziik", Map.of("ziikUsername", ziik.adminEmail(), "ziikPassword", ziik.adminPassword(),
                "sharedSecret", ziik.sharedSecret(), "deletionGuardPercent", "999")));
        assertThat(pages.get(1).statusCode()).as("step 1 refused shows again").isEqualTo(200);
        assertThat(pages.get(1).body()).contains("lbToken-error");
        assertThat(pages.get(5).body()).as("step 3 refused shows again").contains("deletionGuardPercent-error");
        return pages;
    }

    /** The settings form with every secret typed and one number out of range, so it is refused and shown again. */
    private static Map<String, String> typedAgain(TwoTenants.Tenant t) {
        return Map.of("ziikUsername", t.ziik().config().adminEmail(), "ziikPassword", t.ziik().config().adminPassword(),
                "sharedSecret", t.ziik().config().sharedSecret(), "lbAddress", t.learningbank().baseUrl(),
                "lbUsername", t.lb().username(), "lbPassword", t.lb().password(), "lbToken", t.lb().token(), "deletionGuardPercent", "999");
    }
}
