package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The contract's JSON shapes of the model and of its envelopes; the only place that knows the field names. */
final class Wire {
    private Wire() {
    }

    static Map<String, Object> department(Department d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("name", d.name());
        json.put("parent_id", d.parentId());
        json.put("is_top", d.isTop());
        return json;
    }

    static Map<String, Object> permissionType(PermissionType t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("name", t.name());
        json.put("is_default", t.isDefault());
        json.put("is_system", t.isSystem());
        return json;
    }

    static Map<String, Object> jobProfile(JobProfile p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("name", p.name());
        json.put("is_default", p.isDefault());
        return json;
    }

    static Map<String, Object> user(User u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", u.id());
        json.put("external_id", u.externalId());
        json.put("email", u.email());
        json.put("first_name", u.firstName());
        json.put("last_name", u.lastName());
        json.put("is_active", u.isActive());
        json.put("language", u.language());
        json.put("department_ids", u.departmentIds());
        json.put("permission_type_ids", u.permissionTypeIds());
        json.put("job_profile_id", u.jobProfileId());
        json.put("created_at", u.createdAt().toString());
        json.put("updated_at", u.updatedAt().toString());
        return json;
    }

    static Map<String, Object> settings(Settings s, String platformUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("platform_url", platformUrl);
        json.put("default_job_profile_id", s.defaultJobProfileId());
        json.put("default_permission_type_id", s.defaultPermissionTypeId());
        json.put("default_language", s.defaultLanguage());
        return json;
    }

    /** The whole platform, for {@code GET /_sim/state}. */
    static Map<String, Object> state(LearningbankState.Snapshot s, String platformUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", settings(s.settings(), platformUrl));
        json.put("departments", s.departments().stream().map(Wire::department).toList());
        json.put("permission_types", s.permissionTypes().stream().map(Wire::permissionType).toList());
        json.put("job_profiles", s.jobProfiles().stream().map(Wire::jobProfile).toList());
        json.put("users", s.users().stream().map(Wire::user).toList());
        return json;
    }

    /** {@code {"data": ...}} */
    static SimResponse data(int status, Map<String, Object> data) {
        return SimResponse.json(status, Map.of("data", data));
    }

    /** {@code {"data": [...], "meta": {page, per_page, total, last_page}}} */
    static <T> SimResponse list(Page<T> page, Function<T, Map<String, Object>> view) {
        List<Map<String, Object>> data = page.items().stream().map(view).toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page.request().page());
        meta.put("per_page", page.request().perPage());
        meta.put("total", page.total());
        meta.put("last_page", page.lastPage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("meta", meta);
        return SimResponse.json(200, body);
    }
}
