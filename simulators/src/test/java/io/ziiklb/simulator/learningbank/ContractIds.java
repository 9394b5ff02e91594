package io.ziiklb.simulator.learningbank;

import java.util.HashMap;
import java.util.Map;

/**
 * The fixtures' example ids ({@code dept-kitchen}, {@code user-anna}) against the simulator's own.
 * Ids are opaque, so an example id means "the id this object has": it is bound to the simulator's
 * id the first time it is met (when the platform is seeded, or in a response, e.g. the id of a
 * created object), and from then on must be that same id, and no other example id may share it.
 */
final class ContractIds {
    private final Map<String, String> actualByExample = new HashMap<>();
    private final Map<String, String> exampleByActual = new HashMap<>();

    /** @return null when the ids agree, else what is wrong */
    String bind(String example, String actual) {
        String bound = actualByExample.get(example);
        if (bound != null) {
            return bound.equals(actual) ? null : "'" + example + "' is " + bound + " here, not " + actual;
        }
        String other = exampleByActual.get(actual);
        if (other != null) {
            return actual + " is already '" + other + "', it cannot also be '" + example + "'";
        }
        actualByExample.put(example, actual);
        exampleByActual.put(actual, example);
        return null;
    }

    /** The simulator's id for an example id; an id the example never bound (e.g. {@code dept-gone}) stays as it is. */
    String actual(String example) {
        return example == null ? null : actualByExample.getOrDefault(example, example);
    }

    boolean isBound(String example) {
        return actualByExample.containsKey(example);
    }

    static boolean isIdField(String field) {
        return field != null && (field.equals("id") || field.endsWith("_id"));
    }

    static boolean isIdListField(String field) {
        return field != null && field.endsWith("_ids");
    }
}
