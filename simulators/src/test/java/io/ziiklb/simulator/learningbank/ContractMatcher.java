package io.ziiklb.simulator.learningbank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Compares a recorded body with the simulator's, by the rules of the fixtures' README: objects have
 * exactly the recorded fields; arrays the recorded elements in order, except {@code *_ids}, which
 * are sets; example ids bind through {@link ContractIds}; {@code "<text>"} is any text (error
 * messages, which the contract does not word), and a list of messages written {@code ["<text>"]}
 * under {@code error.fields} is any non-empty list of texts; {@code <one-time>} inside a string is
 * any run of characters up to the next {@code /}, {@code ?} or {@code #}; the example platform URL
 * stands for the simulator's. Everything else, timestamps included, must be equal.
 */
final class ContractMatcher {
    private static final String ANY_TEXT = "<text>";
    private static final String ONE_TIME = "<one-time>";

    private final ContractIds ids;
    private final String platformUrl;
    private final List<String> mismatches = new ArrayList<>();

    ContractMatcher(ContractIds ids, String platformUrl) {
        this.ids = ids;
        this.platformUrl = platformUrl;
    }

    /** @return every difference found, each with its JSON path; empty when the bodies agree */
    List<String> compare(JsonNode expected, JsonNode actual) {
        mismatches.clear();
        value("$", null, expected, actual);
        return List.copyOf(mismatches);
    }

    private void value(String at, String field, JsonNode expected, JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            mismatches.add(at + ": missing, expected " + expected);
        } else if (expected.isObject()) {
            object(at, expected, actual);
        } else if (expected.isArray()) {
            array(at, field, expected, actual);
        } else if (expected.isString()) {
            string(at, field, expected.stringValue(), actual);
        } else if (!expected.equals(actual)) {
            mismatches.add(at + ": expected " + expected + ", got " + actual);
        }
    }

    private void object(String at, JsonNode expected, JsonNode actual) {
        if (!actual.isObject()) {
            mismatches.add(at + ": expected an object, got " + actual);
            return;
        }
        Set<String> extra = new TreeSet<>(actual.propertyNames());
        extra.removeAll(expected.propertyNames());
        if (!extra.isEmpty()) {
            mismatches.add(at + ": fields the contract does not have: " + extra);
        }
        for (String name : expected.propertyNames()) {
            if (at.equals("$.error") && name.equals("fields")) {
                fieldMessages(at + ".fields", expected.get(name), actual.get(name));
            } else {
                value(at + "." + name, name, expected.get(name), actual.get(name));
            }
        }
    }

    /** {@code error.fields}: the same field names, each with some message. */
    private void fieldMessages(String at, JsonNode expected, JsonNode actual) {
        if (actual == null || !actual.isObject()) {
            mismatches.add(at + ": expected the offending fields " + expected.propertyNames() + ", got " + actual);
            return;
        }
        if (!new TreeSet<>(expected.propertyNames()).equals(new TreeSet<>(actual.propertyNames()))) {
            mismatches.add(at + ": expected the fields " + new TreeSet<>(expected.propertyNames()) + ", got "
                    + new TreeSet<>(actual.propertyNames()));
        }
        for (String name : actual.propertyNames()) {
            JsonNode messages = actual.get(name);
            if (!messages.isArray() || messages.isEmpty() || !messages.values().stream().allMatch(JsonNode::isString)) {
                mismatches.add(at + "." + name + ": expected a non-empty list of messages, got " + messages);
            }
        }
    }

    private void array(String at, String field, JsonNode expected, JsonNode actual) {
        if (!actual.isArray() || actual.size() != expected.size()) {
            mismatches.add(at + ": expected " + expected.size() + " elements " + expected + ", got " + actual);
            return;
        }
        if (ContractIds.isIdListField(field)) {
            idSet(at, expected, actual);
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            value(at + "[" + i + "]", null, expected.get(i), actual.get(i));
        }
    }

    /** A set of ids that must already be known (they refer to existing objects). */
    private void idSet(String at, JsonNode expected, JsonNode actual) {
        Set<String> want = new HashSet<>();
        for (JsonNode id : expected.values()) {
            if (!ids.isBound(id.stringValue())) {
                mismatches.add(at + ": " + id + " refers to nothing the example has");
            }
            want.add(ids.actual(id.stringValue()));
        }
        Set<String> got = new HashSet<>();
        actual.values().forEach(v -> got.add(v.asString()));
        if (!want.equals(got)) {
            mismatches.add(at + ": expected the ids " + expected + " (here " + want + "), got " + actual);
        }
    }

    private void string(String at, String field, String expected, JsonNode actual) {
        if (!actual.isString()) {
            mismatches.add(at + ": expected the text \"" + expected + "\", got " + actual);
            return;
        }
        String got = actual.stringValue();
        if (expected.equals(ANY_TEXT)) {
            return;
        }
        if (ContractIds.isIdField(field)) {
            String problem = ids.bind(expected, got);
            if (problem != null) {
                mismatches.add(at + ": " + problem);
            }
            return;
        }
        String want = expected.replace(ContractExchange.EXAMPLE_PLATFORM_URL, platformUrl);
        boolean matches = want.contains(ONE_TIME)
                ? Pattern.compile(Pattern.quote(want).replace(ONE_TIME, "\\E[^/?#]+\\Q")).matcher(got).matches()
                : want.equals(got);
        if (!matches) {
            mismatches.add(at + ": expected \"" + want + "\", got \"" + got + "\"");
        }
    }
}
