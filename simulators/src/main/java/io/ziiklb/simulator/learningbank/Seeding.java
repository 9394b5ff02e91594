package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /_sim/seed}: seeds a standalone simulator over HTTP, for the demo and the benchmarks.
 * <pre>{@code
 * {"default_language": "da",
 *  "job_profiles": [{"name": "Chef", "default": true}],
 *  "permission_types": ["Auditor"],
 *  "departments": [{"name": "Kitchen", "parent": "Acme"}],          // parent: id or name; omitted = top
 *  "users": [{"email": "...", "first_name": "...", "last_name": "...",
 *             "department_ids": ["Kitchen"], "permission_type_ids": ["Auditor"], "job_profile_id": "Chef"}]}
 * }</pre>
 * Every key is optional; they are applied in the order above, so later entries may name earlier
 * ones. A user's references may be ids or names. Answers the created ids by name (users by email).
 * Each entry follows the API's rules; the first refused entry stops the seed with the API's error
 * and leaves the entries before it in place.
 */
final class Seeding {
    private final LearningbankState state;

    Seeding(LearningbankState state) {
        this.state = state;
    }

    Map<String, Object> apply(JsonNode body) {
        Map<String, Object> created = new LinkedHashMap<>();
        String language = Bodies.string(body, "default_language");
        if (language != null) {
            state.setDefaultLanguage(language);
        }
        created.put("job_profiles", each(body, "job_profiles", (entry, ids) -> {
            String name = Bodies.string(entry, "name");
            ids.put(name, state.seedJobProfile(name, Boolean.TRUE.equals(Bodies.bool(entry, "default"))));
        }));
        created.put("permission_types", each(body, "permission_types", (entry, ids) -> {
            String name = entry.isString() ? entry.stringValue() : Bodies.string(entry, "name");
            ids.put(name, state.seedPermissionType(name));
        }));
        created.put("departments", each(body, "departments", (entry, ids) -> {
            String name = Bodies.string(entry, "name");
            String parent = Bodies.string(entry, "parent");
            ids.put(name, state.seedDepartment(name, parent == null ? null : departmentId(parent)));
        }));
        created.put("users", each(body, "users", (entry, ids) -> {
            User user = state.createUser(resolveNames(Bodies.user(entry)));
            ids.put(user.email(), user.id());
        }));
        return created;
    }

    private interface EntryAction {
        void apply(JsonNode entry, Map<String, String> ids);
    }

    private static Map<String, String> each(JsonNode body, String key, EntryAction action) {
        Map<String, String> ids = new LinkedHashMap<>();
        JsonNode entries = body.get(key);
        if (entries == null || entries.isNull()) {
            return ids;
        }
        if (!entries.isArray()) {
            throw SimProblem.badRequest(key + " must be an array");
        }
        for (JsonNode entry : entries.values()) {
            action.apply(entry, ids);
        }
        return ids;
    }

    private UserInput resolveNames(UserInput in) {
        return new UserInput(in.present(), in.externalId(), in.email(), in.firstName(), in.lastName(), in.isActive(),
                in.language(),
                resolveAll(in.departmentIds(), this::departmentId),
                resolveAll(in.permissionTypeIds(), ref -> resolve(ref, state::findPermissionType,
                        state::findPermissionTypeByName, PermissionType::id)),
                in.jobProfileId() == null ? null
                        : resolve(in.jobProfileId(), state::findJobProfile, state::findJobProfileByName, JobProfile::id));
    }

    private String departmentId(String ref) {
        return resolve(ref, state::findDepartment, state::findDepartmentByName, Department::id);
    }

    private static List<String> resolveAll(List<String> refs, Function<String, String> resolver) {
        return refs == null ? null : refs.stream().map(resolver).toList();
    }

    /** An id stays an id; otherwise a name becomes its id; otherwise the ref is left for validation to refuse. */
    private static <T> String resolve(String ref, Function<String, Optional<T>> byId,
                                      Function<String, Optional<T>> byName, Function<T, String> id) {
        return byId.apply(ref).or(() -> byName.apply(ref)).map(id).orElse(ref);
    }
}
