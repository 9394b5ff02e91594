package io.ziiklb.console;

import io.ziiklb.http.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal from the service (the same {@link ApiProblem} the API answers) as a form shows it: each
 * message next to the field it is about; what belongs to no field of the form, above it.
 */
final class FormErrors {
    /** The API's field names, and the whole-system names of rule L1's refusals, to the forms' field ids. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("ziik", "ziikPassword"), Map.entry("ziik.baseUrl", "ziikAddress"),
            Map.entry("ziik.username", "ziikUsername"), Map.entry("ziik.password", "ziikPassword"),
            Map.entry("ziik.sharedSecret", "sharedSecret"),
            Map.entry("learningbank", "lbToken"), Map.entry("learningbank.baseUrl", "lbAddress"),
            Map.entry("learningbank.username", "lbUsername"), Map.entry("learningbank.password", "lbPassword"),
            Map.entry("learningbank.token", "lbToken"));

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    static FormErrors none() {
        return new FormErrors();
    }

    static FormErrors of(ApiProblem problem) {
        FormErrors errors = new FormErrors();
        if (problem.fields().isEmpty()) {
            errors.general.add(problem.getMessage());
        }
        problem.fields().forEach((field, messages) -> errors.add(field, String.join("; ", messages)));
        return errors;
    }

    /** @param field an API field name ({@code settings.deletionGuardPercent}, {@code learningbank.token}) or a form field id */
    FormErrors add(String field, String message) {
        String id = FIELDS.getOrDefault(field, field.startsWith("settings.") ? field.substring("settings.".length()) : field);
        String base = id.replaceAll("\\[\\d+]$", "");
        byField.merge(base, message, (a, b) -> a + "; " + b);
        return this;
    }

    boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    /** The message for a form field, or null. */
    public String get(String fieldId) {
        return byField.get(fieldId);
    }

    public boolean has(String fieldId) {
        return byField.containsKey(fieldId);
    }

    public List<String> general() {
        List<String> all = new ArrayList<>(general);
        return all;
    }
}
