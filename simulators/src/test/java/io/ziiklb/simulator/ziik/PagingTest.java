package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Laravel paging on every paged list: limit clamped to 100, links.next covers each row exactly once, meta right. */
class PagingTest {
    private static ZiikSimulator sim;
    private static ApiClient client;
    private static String token;

    @BeforeAll
    static void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(sim.organisation(), 1_000, 11);
        client = new ApiClient(sim);
        token = client.login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Stream<Arguments> lists() {
        Function<ZiikOrganisation, List<Integer>> active = org -> org.read(s -> ids(s.userIds(true)));
        Function<ZiikOrganisation, List<Integer>> inactive = org -> org.read(s -> ids(s.userIds(false)));
        Function<ZiikOrganisation, List<Integer>> units = ZiikOrganisation::unitIds;
        Function<ZiikOrganisation, List<Integer>> preorder = org -> org.read(s -> s.preorder().stream().map(UnitRow::id).toList());
        List<Arguments> out = new ArrayList<>();
        for (String limit : List.of("", "limit=100", "limit=500", "limit=13")) {
            out.add(Arguments.of("/users", limit, active));
            out.add(Arguments.of("/users?inactive=1", limit, inactive));
            out.add(Arguments.of("/units", limit, units));
            out.add(Arguments.of("/units/tree?all=true&flatten=true", limit, preorder));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lists")
    void followingNextVisitsEveryRowOnceInOrder(String path, String limit, Function<ZiikOrganisation, List<Integer>> expectedIds) {
        List<Integer> expected = expectedIds.apply(sim.organisation());
        int perPage = limit.isEmpty() ? 50 : Math.min(100, Integer.parseInt(limit.substring("limit=".length())));
        int lastPage = Math.max(1, (expected.size() + perPage - 1) / perPage);
        List<Integer> seen = new ArrayList<>();
        String url = sim.baseUrl() + path + (limit.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + limit);

        for (int page = 1; url != null; page++) {
            ApiClient.Answer answer = client.getUrl(url, token);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode meta = answer.json().get("meta");
            JsonNode links = answer.json().get("links");
            JsonNode data = answer.json().get("data");
            assertThat(meta.get("current_page").intValue()).isEqualTo(page);
            assertThat(meta.get("per_page").intValue()).isEqualTo(perPage);
            assertThat(meta.get("total").intValue()).isEqualTo(expected.size());
            assertThat(meta.get("last_page").intValue()).isEqualTo(lastPage);
            assertThat(meta.get("from").intValue()).isEqualTo((page - 1) * perPage + 1);
            assertThat(meta.get("to").intValue()).isEqualTo((page - 1) * perPage + data.size());
            assertThat(meta.get("path").stringValue()).isEqualTo(sim.baseUrl() + path.replaceFirst("\\?.*", ""));
            assertThat(links.get("first").stringValue()).endsWith("page=1");
            assertThat(links.get("last").stringValue()).endsWith("page=" + lastPage);
            assertThat(links.get("prev").isNull()).isEqualTo(page == 1);
            assertThat(data.size()).isEqualTo(page < lastPage ? perPage : expected.size() - (lastPage - 1) * perPage);
            data.forEach(row -> seen.add(row.get("id").intValue()));
            url = links.get("next").isNull() ? null : links.get("next").stringValue();
            assertThat(url == null).isEqualTo(page == lastPage);
        }

        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void theOrganisationIsBigEnoughToNeedSeveralPagesEverywhere() {
        assertThat(sim.organisation().summary().inactiveUsers()).isGreaterThan(26);
        assertThat(sim.organisation().summary().units()).isGreaterThan(50);
    }

    @Test
    void aPagePastTheEndIsEmptyWithNullFromAndTo() {
        JsonNode page = client.get("/users?page=1000", token).json();

        assertThat(page.get("data").isEmpty()).isTrue();
        assertThat(page.at("/meta/from").isNull()).isTrue();
        assertThat(page.at("/meta/to").isNull()).isTrue();
        assertThat(page.at("/links/next").isNull()).isTrue();
    }

    @Test
    void aLimitThatIsNotANumberIs422() {
        ApiClient.Answer answer = client.get("/users?limit=lots", token);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/limit/0").stringValue()).isNotBlank();
    }

    private static List<Integer> ids(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
