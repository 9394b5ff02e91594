package io.ziiklb.learningbank;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Learningbank's JSON, both ways. */
final class LbJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LbJson() {
    }

    static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new LearningbankUnavailableException(0, "Learningbank answered with a body that is not JSON", false, e);
        }
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static <T> LbPage<T> page(JsonNode answer, Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        for (JsonNode item : answer.path("data")) {
            items.add(reader.apply(item));
        }
        JsonNode meta = answer.path("meta");
        return new LbPage<>(items, meta.path("page").asInt(1), meta.path("per_page").asInt(items.size()),
                meta.path("total").asLong(items.size()), meta.path("last_page").asInt(1));
    }

    static LbSettings settings(JsonNode d) {
        return new LbSettings(text(d, "platform_url"), text(d, "default_job_profile_id"),
                text(d, "default_permission_type_id"), text(d, "default_language"));
    }

    static LbDepartment department(JsonNode d) {
        return new LbDepartment(text(d, "id"), text(d, "name"), text(d, "parent_id"), d.path("is_top").asBoolean(false));
    }

    static LbPermissionType permissionType(JsonNode d) {
        return new LbPermissionType(text(d, "id"), text(d, "name"), d.path("is_default").asBoolean(false),
                d.path("is_system").asBoolean(false));
    }

    static LbJobProfile jobProfile(JsonNode d) {
        return new LbJobProfile(text(d, "id"), text(d, "name"), d.path("is_default").asBoolean(false));
    }

    static LbUser user(JsonNode d) {
        return new LbUser(text(d, "id"), text(d, "external_id"), text(d, "email"), text(d, "first_name"),
                text(d, "last_name"), d.path("is_active").asBoolean(true), text(d, "language"),
                texts(d.path("department_ids")), texts(d.path("permission_type_ids")), text(d, "job_profile_id"));
    }

    static LbLoginLink loginLink(JsonNode d) {
        Instant expires;
        try {
            expires = Instant.parse(d.path("expires_at").asString(""));
        } catch (DateTimeParseException e) {
            expires = null;
        }
        return new LbLoginLink(text(d, "url"), expires);
    }

    /** The fields that are set, in the contract's names. */
    static Map<String, Object> userBody(LbUserChange c) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "external_id", c.externalId());
        putIfSet(body, "email", c.email());
        putIfSet(body, "first_name", c.firstName());
        putIfSet(body, "last_name", c.lastName());
        putIfSet(body, "is_active", c.active());
        putIfSet(body, "language", c.language());
        putIfSet(body, "department_ids", c.departmentIds());
        putIfSet(body, "permission_type_ids", c.permissionTypeIds());
        putIfSet(body, "job_profile_id", c.jobProfileId());
        return body;
    }

    /** {@code {"error": {"code", "message", "fields"}}}, as far as it is there. */
    record Error(String code, String message, Map<String, List<String>> fields) {
        static Error of(byte[] body) {
            JsonNode error;
            try {
                error = MAPPER.readTree(body).path("error");
            } catch (JacksonException notJson) {
                return new Error(null, "(no readable error body)", Map.of());
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            error.path("fields").properties().forEach(e -> fields.put(e.getKey(), texts(e.getValue())));
            return new Error(error.path("code").asString(null), error.path("message").asString("(no message)"), fields);
        }
    }

    private static void putIfSet(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode v : array) {
                values.add(v.asString());
            }
        } else if (!array.isMissingNode() && !array.isNull()) {
            values.add(array.asString());
        }
        return values;
    }
}
