package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The quicklink API as documented: create (id only in Location), list, read, change, delete; administrators only. */
class QuicklinkTest {
    private static final String VISIBLE_TO_ALL = "{\"userTypes\":[],\"units\":[],\"units_falldown\":[]}";

    private ZiikSimulator sim;
    private ApiClient client;
    private String token;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        client = new ApiClient(sim);
        token = client.login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void createAnswers201WithTheIdOnlyInTheLocation() {
        ApiClient.Answer answer = create("Learningbank", "https://acme.learningbank.test/", VISIBLE_TO_ALL);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json()).isEqualTo(Fixtures.read("quicklink-created.json"));
        assertThat(answer.headers().firstValue("Location")).hasValue(sim.baseUrl() + "/quicklinks/1");
        assertThat(sim.quicklinks()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo(1);
            assertThat(q.name()).isEqualTo("Learningbank");
            assertThat(q.link()).isEqualTo("https://acme.learningbank.test/");
            assertThat(q.visibility().isEverybody()).isTrue();
        });
    }

    @Test
    void readsOneAndAllWithTheirNamesLinksAndVisibility() {
        ZiikOrganisation org = sim.organisation();
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        int chef = org.createRole("Chef");
        int first = idOf(create("Menu", "https://menu.example/today", VISIBLE_TO_ALL));
        int second = idOf(create("Recipes", "http://recipes.example",
                "{\"userTypes\":[" + chef + "],\"units\":[" + org.topUnitId() + "],\"units_falldown\":[" + kitchen + "]}"));

        JsonNode single = client.get("/quicklinks/" + second, token).json().get("data");
        assertThat(single.get("id").intValue()).isEqualTo(second);
        assertThat(single.get("content_type").stringValue()).isEqualTo("quick_links");
        assertThat(single.get("name").stringValue()).isEqualTo("Recipes");
        assertThat(single.get("link").stringValue()).isEqualTo("http://recipes.example");
        assertThat(single.get("url").stringValue()).isEqualTo("api/quicklinks/" + second);
        assertThat(single.at("/visibility/owner/id").intValue()).isEqualTo(org.topUnitId());
        assertThat(single.at("/visibility/userTypes/0/name").stringValue()).isEqualTo("Chef");
        assertThat(single.at("/visibility/units/0/id").intValue()).isEqualTo(org.topUnitId());
        assertThat(single.at("/visibility/units/0/falldown").booleanValue()).isFalse();
        assertThat(single.at("/visibility/units/1/id").intValue()).isEqualTo(kitchen);
        assertThat(single.at("/visibility/units/1/falldown").booleanValue()).isTrue();

        JsonNode list = client.get("/quicklinks", token).json();
        assertThat(list.get("data")).extracting(q -> q.get("id").intValue()).containsExactly(first, second);
        assertThat(list.has("links") || list.has("meta")).as("not paged").isFalse();
    }

    @Test
    void listsAllOfThemWithoutPaging() {
        for (int i = 0; i < 120; i++) {
            create("Link " + i, "https://example.com/" + i, VISIBLE_TO_ALL);
        }
        assertThat(client.get("/quicklinks", token).json().get("data")).hasSize(120);
    }

    @Test
    void patchChangesTheFieldsGivenAndAnswers204() {
        int id = idOf(create("Menu", "https://menu.example/today", VISIBLE_TO_ALL));
        int top = sim.organisation().topUnitId();

        assertThat(client.patch("/quicklinks/" + id, "{\"name\":\"Today's menu\"}", token).status()).isEqualTo(204);
        assertThat(sim.quicklinks().getFirst().name()).isEqualTo("Today's menu");
        assertThat(sim.quicklinks().getFirst().link()).isEqualTo("https://menu.example/today");

        assertThat(client.patch("/quicklinks/" + id, "{\"link\":\"https://menu.example/tomorrow\",\"visibility\":{\"units\":[" + top + "]}}",
                token).status()).isEqualTo(204);
        Quicklink changed = sim.quicklinks().getFirst();
        assertThat(changed.name()).isEqualTo("Today's menu");
        assertThat(changed.link()).isEqualTo("https://menu.example/tomorrow");
        assertThat(changed.visibility().units()).containsExactly(top);

        assertThat(client.patch("/quicklinks/" + id, "{\"link\":\"menu.example\"}", token).status()).isEqualTo(422);
        assertThat(client.patch("/quicklinks/" + id, "{\"name\":\"\"}", token).status()).isEqualTo(422);
        assertThat(sim.quicklinks().getFirst()).isEqualTo(changed);
    }

    @Test
    void deleteAnswers204AndTheQuicklinkIsGone() {
        int id = idOf(create("Menu", "https://menu.example/today", VISIBLE_TO_ALL));
        assertThat(client.delete("/quicklinks/" + id, token).status()).isEqualTo(204);
        assertThat(client.get("/quicklinks/" + id, token).status()).isEqualTo(404);
        assertThat(client.delete("/quicklinks/" + id, token).status()).isEqualTo(404);
        assertThat(client.get("/quicklinks", token).json().get("data")).isEmpty();
    }

    @Test
    void unknownIdsAre404() {
        assertThat(client.get("/quicklinks/77", token).status()).isEqualTo(404);
        assertThat(client.patch("/quicklinks/77", "{\"name\":\"x\"}", token).status()).isEqualTo(404);
        assertThat(client.delete("/quicklinks/77", token).status()).isEqualTo(404);
        assertThat(client.get("/quicklinks/abc", token).status()).isEqualTo(404);
    }

    @Test
    void aMissingNameIs422() {
        ApiClient.Answer answer = client.post("/quicklinks", "{\"link\":\"https://example.com\"}", token);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/name")).isNotEmpty();
        assertThat(sim.quicklinks()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "www.example.com/page", "/relative/path", "https://", "not a url"})
    void aLinkThatIsNotAFullUrlIs422(String link) {
        ApiClient.Answer answer = create("Bad", link, VISIBLE_TO_ALL);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/link")).isNotEmpty();
        assertThat(sim.quicklinks()).isEmpty();
    }

    @Test
    void visibilityNamingRolesOrUnitsThatDoNotExistIs422() {
        assertThat(create("x", "https://example.com", "{\"units\":[999]}").status()).isEqualTo(422);
        assertThat(create("x", "https://example.com", "{\"userTypes\":[999]}").status()).isEqualTo(422);
        assertThat(create("x", "https://example.com", "{\"units_falldown\":[\"HQ\"]}").status()).isEqualTo(422);
        assertThat(create("x", "https://example.com", "[]").status()).isEqualTo(422);
        assertThat(sim.quicklinks()).isEmpty();
    }

    @Test
    void withoutVisibilityEverybodySeesIt() {
        int id = idOf(client.post("/quicklinks", "{\"name\":\"All\",\"link\":\"https://example.com\"}", token));
        assertThat(sim.quicklinks()).singleElement().satisfies(q -> assertThat(q.visibility().isEverybody()).isTrue());
        JsonNode visibility = client.get("/quicklinks/" + id, token).json().at("/data/visibility");
        assertThat(visibility.get("units")).isEmpty();
        assertThat(visibility.get("userTypes")).isEmpty();
    }

    @Test
    void administratorsOnly() {
        SeededPeople people = sim.seedPeople();
        String employee = client.login(people.employee().email(), people.employee().password());
        String admin = client.login(people.administrator().email(), people.administrator().password());
        String body = "{\"name\":\"x\",\"link\":\"https://example.com\"}";

        assertThat(client.post("/quicklinks", body, null).status()).isEqualTo(401);
        for (ApiClient.Answer refused : List.of(client.post("/quicklinks", body, employee), client.get("/quicklinks", employee),
                client.get("/quicklinks/1", employee), client.patch("/quicklinks/1", body, employee),
                client.delete("/quicklinks/1", employee))) {
            assertThat(refused.status()).isEqualTo(403);
        }
        assertThat(client.post("/quicklinks", body, admin).status()).isEqualTo(201);
        assertThat(sim.quicklinks()).hasSize(1);
    }

    private ApiClient.Answer create(String name, String link, String visibility) {
        return client.post("/quicklinks", "{\"name\":\"" + name + "\",\"link\":\"" + link + "\",\"visibility\":" + visibility + "}", token);
    }

    private int idOf(ApiClient.Answer created) {
        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
    }
}
