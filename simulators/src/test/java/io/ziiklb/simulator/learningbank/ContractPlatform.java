package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Puts a fixture platform ({@code platforms/<name>.json}) into a fresh simulator, in the listed
 * order, binding every example id to the simulator's. What a new platform already has (the top
 * department, the system permission types) is bound by name, not created. Then checks that the
 * simulator now holds exactly the platform the fixture describes, so that a replay never starts
 * from a different state than the example's.
 */
final class ContractPlatform {
    private ContractPlatform() {
    }

    static void seed(JsonNode platform, LearningbankState state, ContractIds ids, String platformUrl) {
        String language = platform.at("/settings/default_language").stringValue();
        if (!language.equals(state.settings().defaultLanguage())) {
            state.setDefaultLanguage(language);
        }
        for (JsonNode d : platform.required("departments").values()) {
            String id = d.get("is_top").booleanValue()
                    ? state.topDepartmentId()
                    : state.seedDepartment(text(d, "name"), ids.actual(text(d, "parent_id")));
            bind(ids, text(d, "id"), id);
        }
        for (JsonNode t : platform.required("permission_types").values()) {
            String id = t.get("is_system").booleanValue()
                    ? state.findPermissionTypeByName(text(t, "name")).orElseThrow().id()
                    : state.seedPermissionType(text(t, "name"));
            bind(ids, text(t, "id"), id);
        }
        for (JsonNode p : platform.required("job_profiles").values()) {
            bind(ids, text(p, "id"), state.seedJobProfile(text(p, "name"), p.get("is_default").booleanValue()));
        }
        for (JsonNode u : platform.required("users").values()) {
            bind(ids, text(u, "id"), state.seedUser(new NewUser(text(u, "external_id"), text(u, "email"),
                    text(u, "first_name"), text(u, "last_name"), u.get("is_active").booleanValue(), text(u, "language"),
                    actualIds(u.get("department_ids"), ids), actualIds(u.get("permission_type_ids"), ids),
                    ids.actual(text(u, "job_profile_id")))));
        }
        assertSeededAsDescribed(platform, state, ids, platformUrl);
    }

    private static void assertSeededAsDescribed(JsonNode platform, LearningbankState state, ContractIds ids,
                                                String platformUrl) {
        Map<String, Object> described = Map.of(
                "settings", platform.get("settings"),
                "departments", platform.get("departments"),
                "permission_types", platform.get("permission_types"),
                "job_profiles", platform.get("job_profiles"),
                "users", platform.get("users"));
        JsonNode expected = Json.MAPPER.valueToTree(described);
        JsonNode actual = Json.MAPPER.valueToTree(Wire.state(state.snapshot(), platformUrl));
        assertThat(new ContractMatcher(ids, platformUrl).compare(expected, actual))
                .as("the simulator holds the fixture's platform after seeding").isEmpty();
    }

    private static void bind(ContractIds ids, String example, String actual) {
        String problem = ids.bind(example, actual);
        if (problem != null) {
            throw new IllegalStateException("seeding the fixture platform: " + problem);
        }
    }

    private static List<String> actualIds(JsonNode array, ContractIds ids) {
        List<String> actual = new ArrayList<>();
        array.values().forEach(id -> actual.add(ids.actual(id.stringValue())));
        return actual;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }
}
