package io.ziiklb.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testing.ErrorShape;
import io.ziiklb.testing.HostileBodies;
import io.ziiklb.testing.RawHttp;
import io.ziiklb.testing.Routes;
import io.ziiklb.testkit.AdminApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The bad-input catalogue: every route of the running application (read from the application,
 * so a new route is covered without editing this) crossed with bad ids, malformed and hostile
 * bodies, wrong media types, oversized bodies and the framework's own refusals. Each answer is a
 * 4xx in the one error shape, never a 5xx; nothing is changed; no hostile string reaches the log.
 *
 * <p>Requests that could legitimately change something (a route without a body, called with the
 * real integration's id) are only ever sent with ids that name no integration.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + BadInputCatalogueIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:badinput;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class BadInputCatalogueIT {
    static final String TOKEN = "bad-input-operator-token";
    static final Map<String, String> BAD_IDS = badIds();
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static String integrationId;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    RawHttp http;
    String before;

    private static Map<String, String> badIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("unknown uuid", UUID.randomUUID().toString());
        ids.put("..", "..");
        ids.put("encoded ..", "%2e%2e");
        ids.put("very long", "a".repeat(4000));
        ids.put("longer than a request line may be", "a".repeat(40_000));
        ids.put("unicode", URLEncoder.encode("ü😀名前", StandardCharsets.UTF_8));
        ids.put("script", URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));
        ids.put("encoded CRLF", "a%0d%0aX-Injected:%201");
        ids.put("encoded NUL", "a%00b");
        ids.put("invalid UTF-8", "%ff%fe");
        ids.put("semicolon", "a;b=c");
        ids.put("encoded slash", "a%2fb");
        ids.put("backslash", "a\\b");
        return ids;
    }

    @BeforeAll
    static void startSimulators() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
    }

    @AfterAll
    static void stopSimulators() {
        ziik.close();
        learningbank.close();
    }

    @BeforeEach
    void anIntegrationToAimAt() {
        http = new RawHttp("127.0.0.1", port);
        AdminApiClient api = AdminApiClient.onPort(port, TOKEN);
        if (integrationId == null) {
            integrationId = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of()))
                    .ok().path("id").asString();
        }
        before = api.get("/api/v1/integrations").ok().toString();
    }

    @AfterEach
    void nothingChanged(CapturedOutput output) {
        assertThat(AdminApiClient.onPort(port, TOKEN).get("/api/v1/integrations").ok().toString())
                .as("the integrations, after the bad requests").isEqualTo(before);
        assertThat(output.getAll()).as("a hostile string in the log").doesNotContain(HostileBodies.MARK)
                .as("a 5xx on the way (the API's catch-all)").doesNotContain("unexpected error in the admin API");
    }

    private List<Routes.Route> routes() {
        List<Routes.Route> routes = Routes.api(context);
        assertThat(routes).as("routes found").hasSizeGreaterThan(14);
        return routes;
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + TOKEN);
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private RawHttp.Answer send(String method, String path, Map<String, String> headers, byte[] body) throws Exception {
        return http.send(method, path, headers, body, false);
    }

    /** The route's path aimed at the real integration, any other variable an unknown id. */
    private static String atTheIntegration(Routes.Route route) {
        return route.path(name -> name.equals("id") ? integrationId : UUID.randomUUID().toString());
    }

    private static boolean changesWithoutABody(Routes.Route route) {
        return route.bodyType() == null && !route.method().equals("GET");
    }

    @Test
    void badIdsOnEveryRoute() throws Exception {
        int sent = 0;
        for (Routes.Route route : routes()) {
            if (!route.hasVariables()) {
                continue;
            }
            for (Map.Entry<String, String> id : BAD_IDS.entrySet()) {
                String path = route.path(name -> id.getValue());
                byte[] body = route.bodyType() == null ? null : "{}".getBytes(StandardCharsets.UTF_8);
                ErrorShape.assertClientError(route + " with id " + id.getKey(),
                        send(route.method(), path, headers("Content-Type", "application/json"), body));
                sent++;
            }
        }
        assertThat(sent).isGreaterThan(100);
    }

    @Test
    void malformedBodiesOnEveryRouteThatTakesOne() throws Exception {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String text : List.of("", " ", "not json", "{", "}", "[", "{\"ziik\": {\"baseUrl\": \"", "{\"ziik\": []",
                "null", "true", "42", "\"a string\"", "[]", "[{}]", "{}{}", "{} trailing", "{\"a\":1,}", "{'ziik': []}",
                "{\"ziik\": NaN}", "\ufeff{\"ziik\": []}", "{\"ziik\": \"\\ud800\"}", "{\"ziik\": \"\u0000\"}",
                "[".repeat(100_000), "{\"ziik\":".repeat(50_000) + "1" + "}".repeat(50_000),
                "{\"settings\": {\"excludedEmails\": [" + "[".repeat(5000) + "]".repeat(5000) + "]}}")) {
            bodies.put(text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + ")" : text,
                    text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'z', (byte) 0xc3, 0x28, '"', ':', '1', '}'});
        bodies.put("UTF-16", "{\"ziik\": []}".getBytes(StandardCharsets.UTF_16));
        int sent = 0;
        for (Routes.Route route : routes()) {
            if (route.bodyType() == null) {
                continue;
            }
            for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                ErrorShape.assertClientError(route + " with body " + body.getKey(), send(route.method(), atTheIntegration(route),
                        headers("Content-Type", "application/json"), body.getValue()));
                sent++;
            }
            for (Map.Entry<String, String> body : HostileBodies.of(route.bodyType()).entrySet()) {
                RawHttp.Answer answer = send(route.method(), atTheIntegration(route), headers("Content-Type", "application/json"),
                        body.getValue().getBytes(StandardCharsets.UTF_8));
                ErrorShape.assertClientError(route + " with " + body.getKey(), answer);
                assertThat(answer.body()).as("a refusal does not quote the hostile value").doesNotContain(HostileBodies.MARK);
                sent++;
            }
        }
        assertThat(sent).isGreaterThan(50);
    }

    @Test
    void wrongMediaTypesAre415() throws Exception {
        byte[] body = "{\"settings\": {\"uniqueUnits\": \"no\"}}".getBytes(StandardCharsets.UTF_8);
        for (Routes.Route route : routes()) {
            if (route.bodyType() == null) {
                continue;
            }
            for (String type : new String[] {"text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/octet-stream", "application/json; charset=nope",
                    "application/json; charset=\"\r\"", "no/such-type", "garbage", null}) {
                Map<String, String> headers = type == null ? headers() : headers("Content-Type", type);
                RawHttp.Answer answer = send(route.method(), atTheIntegration(route), headers, body);
                ErrorShape.assertClientError(route + " as " + type, answer);
            }
            RawHttp.Answer plain = send(route.method(), atTheIntegration(route), headers("Content-Type", "text/plain"), body);
            assertThat(plain.status()).as(route + " as text/plain").isEqualTo(415);
            assertThat(send(route.method(), atTheIntegration(route), headers(), body).status()).as(route + " untyped").isEqualTo(415);
        }
    }

    @Test
    void anAcceptThatIsNotJsonStillGetsJson() throws Exception {
        for (Routes.Route route : routes()) {
            String path = route.hasVariables() ? route.path(name -> UUID.randomUUID().toString()) : route.pattern();
            if (changesWithoutABody(route) && !route.hasVariables() || route.pattern().startsWith("/actuator/health")) {
                continue;
            }
            for (String accept : List.of("application/xml", "text/html", "image/png", "*/xml", "garbage")) {
                byte[] body = route.bodyType() == null ? null : "[]".getBytes(StandardCharsets.UTF_8);
                RawHttp.Answer answer = send(route.method(), path, headers("Accept", accept, "Content-Type", "application/json"), body);
                assertThat(answer.status()).as(route + " accepting " + accept).isLessThan(500);
                if (answer.status() >= 400) {
                    ErrorShape.assertShape(route + " accepting " + accept, answer);
                }
            }
        }
    }

    @Test
    void oversizedBodiesAre413BeforeTheyAreRead() throws Exception {
        StringBuilder big = new StringBuilder("{\"settings\": {\"excludedEmails\": [\"a@b.co\"");
        while (big.length() <= BodyLimit.MAX_BYTES + 1024) {
            big.append(",\"a@b.co\"");
        }
        byte[] body = big.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
        for (Routes.Route route : routes()) {
            if (route.method().equals("GET") && route.bodyType() == null && !route.hasVariables()) {
                continue; // a GET that reads nothing
            }
            String path = route.bodyType() != null ? atTheIntegration(route) : route.path(name -> UUID.randomUUID().toString());
            Map<String, String> json = headers("Content-Type", "application/json");
            RawHttp.Answer sized = http.send(route.method(), path, json, body, false);
            assertThat(sized.status()).as(route + " with Content-Length over the limit").isEqualTo(413);
            ErrorShape.assertClientError(route + " oversized", sized);
            RawHttp.Answer chunked = http.send(route.method(), path, json, body, true);
            ErrorShape.assertClientError(route + " oversized, chunked", chunked);
            if (route.bodyType() != null) {
                assertThat(chunked.status()).as(route + " chunked over the limit").isEqualTo(413);
            }
        }
    }

    @Test
    void hostileQueryParameters() throws Exception {
        for (Routes.Route route : routes()) {
            if (route.queryParameters().isEmpty()) {
                continue;
            }
            for (String value : List.of("-1", "0", "1.5", "abc", "99999999999999999999", "%00", "%0d%0a",
                    URLEncoder.encode("<script>", StandardCharsets.UTF_8), "a".repeat(5000), "%ff")) {
                String query = String.join("&", route.queryParameters().stream().map(p -> p + "=" + value).toList());
                RawHttp.Answer unknown = send(route.method(), route.path(name -> UUID.randomUUID().toString()) + "?" + query,
                        headers(), null);
                ErrorShape.assertClientError(route + "?" + query.substring(0, Math.min(60, query.length())), unknown);
                if (route.method().equals("GET")) {
                    RawHttp.Answer real = send("GET", atTheIntegration(route) + "?" + query, headers(), null);
                    assertThat(real.status()).as(route + " with " + value).isLessThan(500);
                    if (real.status() >= 400) {
                        ErrorShape.assertShape(route + " with " + value, real);
                    }
                }
            }
        }
    }

    /** What the servlet container and Spring Security refuse before any route: in the same shape, with or without the token. */
    @Test
    void theFrameworksOwnRefusals() throws Exception {
        List<String> targets = List.of("/api/v1/integrations;x", "/api/v1/integrations;jsessionid=1", "/api/v1/%2e%2e/integrations",
                "/api/v1/./integrations", "/api/v1/../v1/integrations", "/api/v1//integrations", "/api/v1/integrations/a%2Fb",
                "/api/v1/integrations/a%5Cb", "/api/v1/integrations/a\\b", "/a%00b", "/%", "/%zz", "/api/v1/integrations/%ff",
                "/api/v1/integrations/a%0d%0ab", "/api/v1/integrations/a%09b", "*", "http://elsewhere.test/api/v1/integrations",
                "/api/v1/integrations#frag", "/" + "a".repeat(70_000));
        for (Map<String, String> headers : List.of(headers(), Map.<String, String>of())) {
            for (String target : targets) {
                ErrorShape.assertClientError("GET " + target.substring(0, Math.min(80, target.length())) + " " + headers.keySet(),
                        send("GET", target, headers, null));
            }
            for (String method : List.of("TRACE", "CONNECT", "FOO", "PROPFIND", "PUT", "OPTIONS\u0000")) {
                ErrorShape.assertClientError(method + " " + headers.keySet(), send(method, "/api/v1/integrations", headers, null));
            }
            for (String value : List.of("a\rb", "a\u0000b", "a\u0001b", "a\u007fb", "Bearer " + TOKEN + "\u0000")) {
                Map<String, String> bad = new HashMap<>(headers);
                bad.put("X-Broken", value);
                ErrorShape.assertClientError("a control character in a header", send("GET", "/api/v1/integrations", bad, null));
                bad.remove("X-Broken");
                bad.put("Authorization", value);
                ErrorShape.assertClientError("a control character in Authorization", send("GET", "/api/v1/integrations", bad, null));
            }
            Map<String, String> huge = new HashMap<>(headers);
            huge.put("X-Huge", "a".repeat(100_000));
            ErrorShape.assertClientError("headers too large", send("GET", "/api/v1/integrations", huge, null));
            Map<String, String> xml = new HashMap<>(headers);
            xml.put("Accept", "application/xml");
            ErrorShape.assertClientError("an unknown route accepting XML", send("GET", "/api/v1/nope", xml, null));
            ErrorShape.assertClientError("/error accepting XML", send("GET", "/error", xml, null));
            ErrorShape.assertClientError("POST /error", send("POST", "/error", xml, "x".getBytes(StandardCharsets.UTF_8)));
        }
        Set<String> methods = Set.of("PUT", "DELETE", "PATCH", "POST");
        for (Map.Entry<String, Set<String>> pattern : Routes.methodsByPattern(routes()).entrySet()) {
            for (String method : methods) {
                if (!pattern.getValue().contains(method) && !pattern.getKey().startsWith("/error")) {
                    String path = pattern.getKey().contains("{") || pattern.getKey().contains("*")
                            ? new Routes.Route(method, pattern.getKey(), null).path(n -> UUID.randomUUID().toString()) : pattern.getKey();
                    RawHttp.Answer answer = send(method, path, headers("Content-Type", "application/json"), "{}".getBytes());
                    ErrorShape.assertClientError(method + " " + pattern.getKey(), answer);
                }
            }
        }
    }
}
