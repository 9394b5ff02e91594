package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares the shape of a simulator answer with a documented Ziik payload, field by field: every
 * key of the fixture must exist in the answer with the same JSON node type, recursing into
 * objects and into the first element of arrays. A null in the fixture accepts any value (Ziik
 * documents optional fields as null); a null in the answer where the fixture has a value does not
 * pass. Paths look like {@code data.memberUnits[0].unit.id}.
 */
final class ShapeAssert {
    private ShapeAssert() {
    }

    /**
     * @param skipped paths deliberately not compared, each with the reason (for the failure message)
     */
    static void assertSameShape(JsonNode fixture, JsonNode actual, Map<String, String> skipped) {
        assertThat(differences(fixture, actual, skipped.keySet()))
                .as("shape differences from the fixture (skipped: %s)", skipped.keySet())
                .isEmpty();
    }

    static List<String> differences(JsonNode fixture, JsonNode actual, Set<String> skipped) {
        List<String> out = new ArrayList<>();
        compare("", fixture, actual, skipped, out);
        return out;
    }

    private static void compare(String path, JsonNode fixture, JsonNode actual, Set<String> skipped, List<String> out) {
        String where = path.isEmpty() ? "(root)" : path;
        if (skipped.contains(path) || fixture.isNull()) {
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(where + ": missing");
            return;
        }
        if (fixture.getNodeType() != actual.getNodeType()) {
            out.add(where + ": expected " + fixture.getNodeType() + " but was " + actual.getNodeType());
            return;
        }
        if (fixture.isObject()) {
            for (var field : fixture.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                compare(child, field.getValue(), actual.get(field.getKey()), skipped, out);
            }
        } else if (fixture.isArray() && !fixture.isEmpty()) {
            if (actual.isEmpty()) {
                out.add(where + ": empty, so its elements cannot be compared with the fixture's");
            } else {
                compare(path + "[0]", fixture.get(0), actual.get(0), skipped, out);
            }
        }
    }
}
