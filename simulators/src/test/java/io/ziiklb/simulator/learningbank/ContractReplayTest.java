package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.http.HandMovedTiming;
import io.ziiklb.simulator.http.Json;
import io.ziiklb.testkit.MutableClock;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator serves the contract: every recorded exchange of {@code fixtures/learningbank-contract}
 * (written from {@code learningbank-api.md}, not recorded from this simulator) is replayed against a
 * fresh simulator holding the exchange's platform, and its answer must be the recorded one, by the
 * matching rules of the fixtures' README. The Learningbank client is held to the same files by
 * {@code LearningbankContractTest} in the service, so a misreading of the contract cannot hide in
 * both.
 */
class ContractReplayTest {
    private static final String USERNAME = "acme-sync";
    private static final String PASSWORD = "pa55-word";
    private static final String TOKEN = "tok-3f9a";

    private LearningbankSimulator sim;

    static List<String> exchanges() {
        return ContractExchange.names();
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void theFixtureFolderHoldsEveryRecordedExchange() {
        assertThat(exchanges()).hasSize(62);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void theSimulatorAnswersAsRecorded(String name) {
        ContractExchange exchange = ContractExchange.read(name);
        JsonNode platform = ContractExchange.platform(exchange.given());
        MutableClock clock = new MutableClock(Instant.parse(platform.required("created_at").stringValue()));
        sim = LearningbankSimulator.start(LearningbankSimulator.Config.defaults()
                .withCredentials(USERNAME, PASSWORD, TOKEN).withClock(clock));
        ContractIds ids = new ContractIds();
        ContractPlatform.seed(platform, sim.state(), ids, sim.platformUrl());
        clock.advance(Duration.between(clock.instant(), exchange.at()));
        LbClient api = new LbClient(sim.baseUrl(), USERNAME, PASSWORD, TOKEN);
        applyFault(exchange.fault(), api);

        JsonNode body = exchange.requestBody() == null ? null : withActualIds(exchange.requestBody(), null, ids);
        LbClient.Response response = api.sendWith(exchange.method(), withActualIds(exchange.path(), ids),
                body == null ? null : body.toString(), exchange.headers());

        assertThat(response.status()).as("status of %s", name).isEqualTo(exchange.status());
        exchange.responseHeaders().forEach((header, value) ->
                assertThat(response.headers().firstValue(header)).as("%s header", header).contains(value));
        if (exchange.responseBody() == null) {
            assertThat(response.body()).as("a %d has no body", exchange.status()).isEmpty();
        } else {
            assertThat(new ContractMatcher(ids, sim.platformUrl())
                    .compare(exchange.responseBody(), Json.MAPPER.readTree(response.body())))
                    .as("differences from the recorded body of %s, in %s", name, response.body()).isEmpty();
        }
    }

    /**
     * The state an example's fault needs: {@code rate_limited} is a key that has just spent its one
     * call of a 1-per-4-seconds limit on a hand-moved clock (so {@code Retry-After} is exactly 4);
     * {@code server_error} is a platform failing every call.
     */
    private void applyFault(String fault, LbClient api) {
        if (fault == null) {
            return;
        }
        switch (fault) {
            case "rate_limited" -> {
                sim.setFaultTiming(new HandMovedTiming());
                sim.setFaults(Faults.none().withRateLimit(0.25, 1));
                assertThat(api.get("/settings").status()).as("the call that spends the only token").isEqualTo(200);
            }
            case "server_error" -> sim.setFaults(Faults.none().withErrorRate(1.0));
            default -> throw new IllegalArgumentException("unknown fault in a fixture: " + fault);
        }
    }

    /** The path with each example id among its segments and query values replaced by the simulator's. */
    private static String withActualIds(String path, ContractIds ids) {
        int q = path.indexOf('?');
        String segments = Arrays.stream((q < 0 ? path : path.substring(0, q)).split("/", -1))
                .map(segment -> encode(ids.actual(decode(segment))))
                .collect(Collectors.joining("/"));
        if (q < 0) {
            return segments;
        }
        String query = Arrays.stream(path.substring(q + 1).split("&"))
                .map(pair -> {
                    int eq = pair.indexOf('=');
                    String value = decode(pair.substring(eq + 1));
                    return ids.isBound(value) ? pair.substring(0, eq + 1) + encode(ids.actual(value)) : pair;
                })
                .collect(Collectors.joining("&"));
        return segments + "?" + query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A request body with the example ids in its id fields replaced by the simulator's. */
    private static JsonNode withActualIds(JsonNode node, String field, ContractIds ids) {
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(e.getKey(), withActualIds(e.getValue(), e.getKey(), ids));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = Json.MAPPER.createArrayNode();
            node.values().forEach(v -> copy.add(withActualIds(v, ContractIds.isIdListField(field) ? "id" : null, ids)));
            return copy;
        }
        if (node.isString() && ContractIds.isIdField(field)) {
            return Json.MAPPER.getNodeFactory().textNode(ids.actual(node.stringValue()));
        }
        return node;
    }
}
