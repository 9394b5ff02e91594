package io.ziiklb.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.PeerAddress;
import io.ziiklb.integration.TestDatabase;
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
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two customers on one service: the administrator of tenant A sees A's integration and, for B's,
 * gets 404 on every page, every action and every API route (all read from the handler mapping),
 * with nothing of B's changed; neither the API nor the wizard makes an integration for another
 * tenant's Ziik.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:consoletenants;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "ziiklb.operator-token=" + ConsoleTenantIT.OPERATOR_TOKEN,
})
class ConsoleTenantIT {
    static final String OPERATOR_TOKEN = "operator-token-for-console-tenants";
    static TwoTenants tenants;
    static String idA;
    static String idB;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    AdminApiClient operator;

    @BeforeAll
    static void start() {
        tenants = new TwoTenants();
    }

    @AfterAll
    static void stop() {
        tenants.close();
    }

    @BeforeEach
    void integrations() {
        operator = AdminApiClient.onPort(port, OPERATOR_TOKEN);
        if (idA == null) {
            idA = tenants.a.create(operator);
            idB = tenants.b.create(operator);
        }
    }

    @Test
    void theAdministratorSeesOnlyTheirTenantsIntegration() {
        ConsoleHttp admin = tenants.a.signedInAdmin(port);
        String list = admin.get("/integrations").body();
        assertThat(list).contains(idA).doesNotContain(idB);
        HttpResponse<String> api = admin.api("GET", "/api/v1/integrations", null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains(idA).doesNotContain(idB).doesNotContain(tenants.b.ziik().baseUrl());
        assertThat(admin.get("/integrations/" + idA).statusCode()).isEqualTo(200);
    }

    @Test
    void everyPageAndActionOfAnotherTenantsIntegrationAnswers404AndChangesNothing() {
        String before = operator.get("/api/v1/integrations/" + idB).ok().toString();
        ConsoleHttp admin = tenants.a.signedInAdmin(port);
        admin.get("/integrations"); // a page with a form: its CSRF token
        List<ConsoleRoutes> routes = new ArrayList<>(ConsoleRoutes.pages(mapping));
        routes.addAll(ConsoleRoutes.pageForms(mapping));
        routes.removeIf(r -> !r.pattern().contains("{id}"));
        assertThat(routes).extracting(ConsoleRoutes::toString).contains("GET /integrations/{id}",
                "GET /integrations/{id}/synchronize", "POST /integrations/{id}/remove", "POST /integrations/{id}/settings");

        List<String> notHidden = new ArrayList<>();
        for (ConsoleRoutes route : routes) {
            String path = route.path(idB, "1");
            HttpResponse<String> answer = route.method() == RequestMethod.GET ? admin.get(path)
                    : admin.post(path, Map.of("ziikUsername", "taken@example.com", "deletionGuardPercent", "0"));
            if (answer.statusCode() != 404) {
                notHidden.add(route + ": " + answer.statusCode());
            }
        }

        assertThat(notHidden).isEmpty();
        assertThat(operator.get("/api/v1/integrations/" + idB).ok().toString()).isEqualTo(before);
    }

    @Test
    void everyApiRouteOfAnotherTenantsIntegrationAnswers404AndChangesNothing() {
        String before = operator.get("/api/v1/integrations/" + idB).ok().toString();
        ConsoleHttp admin = tenants.a.signedInAdmin(port);
        admin.get("/integrations");
        List<ConsoleRoutes> routes = ConsoleRoutes.integrationApi(mapping);
        assertThat(routes).extracting(ConsoleRoutes::toString).contains("GET /api/v1/integrations/{id}",
                "PATCH /api/v1/integrations/{id}", "DELETE /api/v1/integrations/{id}", "POST /api/v1/integrations/{id}/syncs");

        List<String> notHidden = new ArrayList<>();
        for (ConsoleRoutes route : routes) {
            HttpResponse<String> answer = admin.api(route.method().name(), route.path(idB, "1"),
                    route.method() == RequestMethod.GET ? null : "{}", "X-CSRF-TOKEN", admin.csrfToken());
            if (answer.statusCode() != 404) {
                notHidden.add(route + ": " + answer.statusCode() + " " + answer.body());
            }
        }

        assertThat(notHidden).isEmpty();
        assertThat(operator.get("/api/v1/integrations/" + idB).ok().toString()).isEqualTo(before);
    }

    @Test
    void theApiRefusesAnIntegrationForAnotherTenantsZiik() {
        ConsoleHttp admin = tenants.a.signedInAdmin(port);
        admin.get("/integrations");
        int before = operator.get("/api/v1/integrations").ok().path("data").size();
        HttpResponse<String> answer = admin.api("POST", "/api/v1/integrations",
                AdminApiClient.JSON.writeValueAsString(tenants.b.integrationBody()), "X-CSRF-TOKEN", admin.csrfToken());
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("other_tenant");
        assertThat(operator.get("/api/v1/integrations").ok().path("data").size()).isEqualTo(before);
    }

    @Test
    void theApiRefusesMovingTheirIntegrationToAnotherTenantsZiik() {
        ConsoleHttp admin = tenants.a.signedInAdmin(port);
        admin.get("/integrations");
        String before = operator.get("/api/v1/integrations/" + idA).ok().toString();
        HttpResponse<String> answer = admin.api("PATCH", "/api/v1/integrations/" + idA,
                AdminApiClient.JSON.writeValueAsString(Map.of("ziik", tenants.b.integrationBody().get("ziik"))),
                "X-CSRF-TOKEN", admin.csrfToken());
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("other_tenant");
        assertThat(operator.get("/api/v1/integrations/" + idA).ok().toString()).isEqualTo(before);
    }

    @Test
    void theWizardMakesTheIntegrationForTheAdministratorsOwnZiikWhateverAddressIsPosted() {
        ConsoleHttp admin = tenants.a.signedInAdmin(port);
        admin.get("/integrations/new");
        var lb = tenants.a.lb();
        assertThat(admin.post("/integrations/new/learningbank", Map.of("lbAddress", tenants.a.learningbank().baseUrl(),
                "lbUsername", lb.username(), "lbPassword", lb.password(), "lbToken", lb.token())).statusCode()).isEqualTo(302);
        admin.get("/integrations/new/ziik");
        HttpResponse<String> created = admin.post("/integrations/new/ziik", Map.of("ziikAddress", tenants.b.ziik().baseUrl(),
                "ziikUsername", tenants.a.ziik().config().adminEmail(), "ziikPassword", tenants.a.ziik().config().adminPassword(),
                "fullSyncIntervalMinutes", "0", "rolePollIntervalMinutes", "0"));

        String location = created.headers().firstValue("Location").orElseThrow(() -> new AssertionError(created.body()));
        String id = location.replaceAll(".*/integrations/([^/]+)/synchronize$", "$1");
        String ziikOfNew = operator.get("/api/v1/integrations/" + id).ok().path("ziik").path("baseUrl").asString();
        assertThat(PeerAddress.same(ziikOfNew, tenants.a.ziik().baseUrl())).as(ziikOfNew).isTrue();
    }
}
