package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shape comparison itself must be able to fail. */
class ShapeAssertTest {
    private static final JsonNode FIXTURE = json("{\"data\":{\"id\":1,\"name\":\"x\",\"parent\":null,"
            + "\"roles\":[{\"id\":1,\"name\":\"Chef\"}],\"settings\":{\"language\":\"da\"}}}");

    @Test
    void acceptsTheSameShapeWithOtherValuesAndExtraFields() {
        JsonNode actual = json("{\"data\":{\"id\":9,\"name\":\"y\",\"parent\":{\"id\":1},\"extra\":true,"
                + "\"roles\":[{\"id\":2,\"name\":\"Waiter\"},{\"id\":3}],\"settings\":{\"language\":\"en\"}}}");
        assertThat(ShapeAssert.differences(FIXTURE, actual, Set.of())).isEmpty();
    }

    @Test
    void reportsMissingFieldsWrongTypesNullsAndEmptyArrays() {
        JsonNode actual = json("{\"data\":{\"id\":\"1\",\"parent\":null,\"roles\":[],\"settings\":{\"language\":null}}}");
        assertThat(ShapeAssert.differences(FIXTURE, actual, Set.of())).containsExactlyInAnyOrder(
                "data.id: expected NUMBER but was STRING",
                "data.name: missing",
                "data.roles: empty, so its elements cannot be compared with the fixture's",
                "data.settings.language: expected STRING but was NULL");
    }

    @Test
    void recursesIntoTheFirstArrayElementAndHonoursSkips() {
        JsonNode actual = json("{\"data\":{\"id\":1,\"name\":\"x\",\"roles\":[{\"id\":1}],\"settings\":{}}}");
        assertThat(ShapeAssert.differences(FIXTURE, actual, Set.of("data.settings")))
                .containsExactly("data.roles[0].name: missing");
    }

    private static JsonNode json(String s) {
        return Json.MAPPER.readTree(s);
    }
}
