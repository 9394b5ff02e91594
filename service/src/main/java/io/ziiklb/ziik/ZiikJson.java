package io.ziiklb.ziik;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Ziik's JSON into the typed records. Lenient where Ziik's documented payloads differ
 * between endpoints (a unit's parent comes as {@code parent_id}, as a {@code parent} object, or
 * both; a membership's {@code department} may be null or {@code {}}); strict about ids.
 */
final class ZiikJson {
    /** When Ziik's {@code expires} is missing or already past (its docs show 12345678), assume this. */
    static final Duration ASSUMED_TOKEN_LIFETIME = Duration.ofMinutes(5);

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ZiikJson() {
    }

    static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ZiikUnavailableException("Ziik answered with a body that is not JSON", e);
        }
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** {@code [{"jwt", "expires"}]}, or the bare object. */
    static ZiikToken token(JsonNode node, Clock clock) {
        JsonNode object = node.isArray() ? node.path(0) : node;
        String jwt = object.path("jwt").asString(null);
        if (jwt == null || jwt.isBlank()) {
            throw new ZiikUnavailableException("Ziik's authentication answer has no jwt", null);
        }
        Instant now = clock.instant();
        long expires = object.path("expires").asLong(0);
        Instant expiry = Instant.ofEpochSecond(expires);
        return new ZiikToken(jwt, expiry.isAfter(now) ? expiry : now.plus(ASSUMED_TOKEN_LIFETIME));
    }

    static ZiikUnit unit(JsonNode node) {
        JsonNode parentId = node.path("parent_id");
        Long parent = parentId.isNumber() || parentId.isString()
                ? Long.valueOf(parentId.asLong())
                : node.path("parent").isObject() ? Long.valueOf(id(node.path("parent"))) : null;
        return new ZiikUnit(id(node), node.path("name").asString(""), parent,
                node.path("level").asInt(0), node.path("unit_type").asString("unit"),
                nullIfBlank(node.path("reference").asString(null)));
    }

    /** Adds the unit and, recursively, its nested {@code children} (whose parent is the unit), by id. */
    static void unitWithChildren(JsonNode node, java.util.Map<Long, ZiikUnit> into) {
        ZiikUnit unit = unit(node);
        into.putIfAbsent(unit.id(), unit);
        for (JsonNode child : node.path("children")) {
            unitWithChildren(child, into);
        }
    }

    static ZiikRole role(JsonNode node) {
        return new ZiikRole(id(node), node.path("name").asString(""));
    }

    static ZiikUserSummary userSummary(JsonNode node) {
        String[] names = names(node);
        JsonNode unit = node.path("unit");
        Long unitId = unit.isObject() && !unit.path("id").isMissingNode() ? Long.valueOf(id(unit)) : null;
        return new ZiikUserSummary(id(node), names[0], names[1], node.path("active").asBoolean(true), unitId);
    }

    static ZiikUser user(JsonNode node) {
        String[] names = names(node);
        return new ZiikUser(id(node), names[0], names[1], nullIfBlank(node.path("email").asString(null)),
                node.path("active").asBoolean(true),
                nullIfBlank(node.path("settings").path("language").asString(null)));
    }

    static ZiikMembership membership(JsonNode node) {
        JsonNode unit = node.path("unit");
        JsonNode department = node.path("department");
        List<ZiikRole> roles = new ArrayList<>();
        for (JsonNode role : node.path("userTypes")) {
            roles.add(role(role));
        }
        return new ZiikMembership(id(unit), unit.path("name").asString(""),
                department.path("id").isNumber() ? Long.valueOf(department.path("id").asLong()) : null, roles);
    }

    static ZiikAccount account(JsonNode node) {
        String[] names = names(node);
        return new ZiikAccount(id(node), node.path("email").asString(null), names[0], names[1],
                node.path("admin").asBoolean(false));
    }

    static ZiikQuicklink quicklink(JsonNode node) {
        return new ZiikQuicklink(id(node), node.path("name").asString(""), node.path("link").asString(""));
    }

    /** The id at the end of a {@code Location} such as {@code https://t.ziik.io/api/quicklinks/1234}. */
    static long idFromLocation(String location) {
        String path = location == null ? "" : java.net.URI.create(location.trim()).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        try {
            return Long.parseLong(last);
        } catch (NumberFormatException e) {
            throw new ZiikUnavailableException("Ziik's Location " + location + " names no id", null);
        }
    }

    static ZiikWebhook webhook(JsonNode node) {
        List<String> triggers = new ArrayList<>();
        for (JsonNode trigger : node.path("triggers")) {
            triggers.add(trigger.asString());
        }
        return new ZiikWebhook(id(node), node.path("name").asString(""), node.path("uri").asString(""), triggers);
    }

    /** A Ziik id: a JSON number, or a string of digits. */
    static long id(JsonNode node) {
        JsonNode id = node.path("id");
        if (id.isIntegralNumber()) {
            return id.asLong();
        }
        if (id.isString()) {
            try {
                return Long.parseLong(id.asString());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new ZiikUnavailableException("Ziik sent an object without a numeric id", null);
    }

    private static String[] names(JsonNode node) {
        String first = node.path("first_name").asString(null);
        String last = node.path("last_name").asString(null);
        if (first == null && last == null) {
            String full = node.path("name").asString("").trim();
            int space = full.lastIndexOf(' ');
            return space < 0 ? new String[] {full, ""} : new String[] {full.substring(0, space), full.substring(space + 1)};
        }
        return new String[] {first == null ? "" : first, last == null ? "" : last};
    }

    private static String nullIfBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
