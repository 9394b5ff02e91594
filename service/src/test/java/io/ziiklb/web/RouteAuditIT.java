package io.ziiklb.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.testing.ErrorShape;
import io.ziiklb.testing.RawHttp;
import io.ziiklb.testing.Routes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every route of the running application, read from the application itself, needs the operator
 * token, except a short whitelist named here. A route added tomorrow is covered without editing
 * this test: open by mistake, it fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + RouteAuditIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:routeaudit;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class RouteAuditIT {
    static final String TOKEN = "route-audit-operator-token";

    /**
     * The routes open without the token, each for its reason: health for the load balancer,
     * webhook deliveries (their secret path and signature), automatic sign-in launches (their
     * signed token), and {@code /error}, where the container forwards refusals.
     */
    static final List<String> OPEN = List.of("/actuator/health", "/actuator/health/**", "/actuator/health/{*path}",
            "/hooks/**", "/sso/**", "/error");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    static boolean open(String pattern) {
        return OPEN.stream().anyMatch(o -> o.equals(pattern) || o.endsWith("/**") && pattern.startsWith(o.substring(0, o.length() - 2)));
    }

    @Test
    void everyRouteOutsideTheWhitelistNeedsTheToken() throws Exception {
        List<Routes.Route> routes = Routes.api(context);
        assertThat(routes).as("the routes were found").extracting(Routes.Route::toString)
                .contains("GET /api/v1/integrations", "POST /api/v1/integrations", "PATCH /api/v1/integrations/{id}",
                        "GET /actuator/prometheus", "GET /error");
        RawHttp http = new RawHttp("127.0.0.1", port);
        int audited = 0;
        for (Routes.Route route : routes) {
            if (open(route.pattern())) {
                continue;
            }
            String path = route.path(name -> UUID.randomUUID().toString());
            Map<String, String> json = Map.of("Content-Type", "application/json");
            for (Map<String, String> credentials : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer wrong"),
                    Map.of("Authorization", "Bearer " + TOKEN + "x"), Map.of("Authorization", "Basic " + TOKEN),
                    Map.of("Authorization", TOKEN))) {
                Map<String, String> headers = new java.util.HashMap<>(json);
                headers.putAll(credentials);
                RawHttp.Answer answer = http.send(route.method(), path, headers, "{}".getBytes(), false);
                assertThat(answer.status()).as("%s %s with %s: %s", route.method(), path, credentials, answer.body()).isEqualTo(401);
                ErrorShape.assertClientError(route + " without the token", answer);
                assertThat(answer.headers()).containsEntry("www-authenticate", "Bearer");
            }
            audited++;
        }
        assertThat(audited).as("routes audited").isGreaterThanOrEqualTo(14);
    }

    @Test
    void theWhitelistIsShortAndEachOpenRouteIsReachableWithoutTheToken() throws Exception {
        List<Routes.Route> open = Routes.api(context).stream().filter(r -> open(r.pattern())).toList();
        assertThat(open).extracting(Routes.Route::pattern).allMatch(p -> p.startsWith("/actuator/health")
                || p.startsWith("/hooks/") || p.startsWith("/sso/") || p.equals("/error"));
        RawHttp http = new RawHttp("127.0.0.1", port);
        assertThat(http.send("GET", "/actuator/health", Map.of(), null, false).status()).isEqualTo(200);
        RawHttp.Answer error = http.send("GET", "/error", Map.of(), null, false);
        assertThat(error.status()).as("/error called directly is an unknown address, not a 500").isEqualTo(404);
        ErrorShape.assertClientError("GET /error", error);
    }

    /**
     * The console's pages: without a signed-in session each sends the browser to the sign-in page
     * ({@code /}), the one page open to all; read from the application, like the API's routes.
     */
    @Test
    void everyPageNeedsASignedInSession() throws Exception {
        List<Routes.Route> pages = Routes.pages(context);
        assertThat(pages).extracting(Routes.Route::toString).contains("GET /", "GET /integrations", "GET /integrations/{id}");
        RawHttp http = new RawHttp("127.0.0.1", port);
        for (Routes.Route page : pages) {
            if (page.pattern().equals("/")) {
                assertThat(http.send("GET", "/", Map.of(), null, false).status()).isEqualTo(200);
                continue;
            }
            String path = page.path(name -> UUID.randomUUID().toString());
            RawHttp.Answer answer = http.send(page.method(), path, Map.of("Authorization", "Bearer " + TOKEN), new byte[0], false);
            if (page.method().equals("GET")) {
                assertThat(answer.status()).as("%s %s, not signed in (a bearer token is no session)", page.method(), path).isEqualTo(302);
                assertThat(answer.headers().get("location")).as(page.toString()).endsWith("/");
            } else { // a post from no session carries no CSRF token either
                assertThat(answer.status()).as("%s %s, not signed in", page.method(), path).isIn(302, 403);
            }
        }
    }

    /** An unknown address looks, to a stranger, like any route: 401. */
    @Test
    void unknownAddressesAreRefusedWithoutTheTokenToo() throws Exception {
        RawHttp http = new RawHttp("127.0.0.1", port);
        for (String path : List.of("/anything", "/api/v1/nope", "/api/v2/integrations", "/actuator/env", "/index.html")) {
            RawHttp.Answer answer = http.send("GET", path, Map.of(), null, false);
            assertThat(answer.status()).as(path).isEqualTo(401);
            ErrorShape.assertClientError(path, answer);
        }
    }
}
