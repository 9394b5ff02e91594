package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class PagingTest extends SimulatorFixture {

    @BeforeEach
    void seed120Users() {
        IntStream.rangeClosed(1, 120).forEach(i -> seedUser("user" + i + "@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                        | 50  | 1 | 50  | 3 | u-1
            ?page=2                   | 50  | 2 | 50  | 3 | u-51
            ?page=3                   | 20  | 3 | 50  | 3 | u-101
            ?per_page=7&page=18       | 1   | 18| 7   | 18| u-120
            ?per_page=200             | 120 | 1 | 200 | 1 | u-1
            ?per_page=201             | 120 | 1 | 200 | 1 | u-1
            ?per_page=100000          | 120 | 1 | 200 | 1 | u-1
            ?page=4                   | 0   | 4 | 50  | 3 | ''
            ?page=&per_page=          | 50  | 1 | 50  | 3 | u-1
            """)
    void answersThePageWithTrueMeta(String query, int items, int page, int perPage, int lastPage, String firstId) {
        JsonNode body = api.get("/users" + query).json();

        assertThat(body.get("data").size()).isEqualTo(items);
        assertThat(body.get("meta").get("page").asInt()).isEqualTo(page);
        assertThat(body.get("meta").get("per_page").asInt()).isEqualTo(perPage);
        assertThat(body.get("meta").get("total").asInt()).isEqualTo(120);
        assertThat(body.get("meta").get("last_page").asInt()).isEqualTo(lastPage);
        if (items > 0) {
            assertThat(body.get("data").get(0).get("id").stringValue()).isEqualTo(firstId);
        }
    }

    @Test
    void pagesCoverEveryItemOnceInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 18; page++) {
            api.get("/users?per_page=7&page=" + page).data().values().forEach(u -> ids.add(u.get("id").stringValue()));
        }

        assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, 120).mapToObj(i -> "u-" + i).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=-1", "page=abc", "page=1.5", "page=99999999999", "per_page=0",
            "per_page=-5", "per_page=ten"})
    void refusesAPagingValueThatIsNotAPositiveInteger(String query) {
        var response = api.get("/users?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/departments", "/permission-types", "/job-profiles", "/users"})
    void everyListHasTheEnvelope(String path) {
        JsonNode body = api.get(path + "?per_page=2").json();

        assertThat(body.get("data").isArray()).isTrue();
        assertThat(body.get("meta").propertyNames()).containsExactly("page", "per_page", "total", "last_page");
        assertThat(body.get("meta").get("per_page").asInt()).isEqualTo(2);
    }

    @Test
    void anEmptyListHasOneEmptyPage() {
        JsonNode body = api.get("/job-profiles").json();

        assertThat(body.get("data").size()).isZero();
        assertThat(body.get("meta").get("total").asInt()).isZero();
        assertThat(body.get("meta").get("last_page").asInt()).isEqualTo(1);
    }

    @Test
    void aSingleObjectComesInDataWithoutMeta() {
        JsonNode body = api.get("/users/u-7").json();

        assertThat(body.propertyNames()).containsExactly("data");
        assertThat(body.get("data").get("email").stringValue()).isEqualTo("user7@example.com");
    }
}
