package io.ziiklb.learningbank;

import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of {@code GET /users}; null means "any". */
public record LbUserFilter(String externalId, String email, String departmentId, Boolean active) {

    public static LbUserFilter all() {
        return new LbUserFilter(null, null, null, null);
    }

    public static LbUserFilter byExternalId(String externalId) {
        return new LbUserFilter(externalId, null, null, null);
    }

    public static LbUserFilter byEmail(String email) {
        return new LbUserFilter(null, email, null, null);
    }

    /** The filters as {@code GET /users} query parameters. */
    Map<String, String> query() {
        LbUserFilter f = this;
        Map<String, String> query = new LinkedHashMap<>();
        if (f.externalId() != null) {
            query.put("external_id", f.externalId());
        }
        if (f.email() != null) {
            query.put("email", f.email());
        }
        if (f.departmentId() != null) {
            query.put("department_id", f.departmentId());
        }
        if (f.active() != null) {
            query.put("is_active", f.active().toString());
        }
        return query;
    }
}
