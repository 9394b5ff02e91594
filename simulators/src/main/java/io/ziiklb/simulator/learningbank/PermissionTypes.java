package io.ziiklb.simulator.learningbank;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The permission types and their own rules: the four system types a new platform has (User being
 * the default) are protected; names are unique case-insensitively. Removing a deleted type from its
 * users is the caller's job. Not thread-safe: {@link LearningbankState} guards it.
 */
final class PermissionTypes {
    static final List<String> SYSTEM_TYPES = List.of("Owner", "Manager", "Content Creator", "User");
    static final String DEFAULT_TYPE = "User";

    private final Map<String, PermissionType> byId = new LinkedHashMap<>();
    private final Map<String, String> idByLowerName = new HashMap<>();
    private final String defaultId;
    private long sequence;

    PermissionTypes() {
        for (String name : SYSTEM_TYPES) {
            put(new PermissionType(nextId(), name, name.equals(DEFAULT_TYPE), true));
        }
        defaultId = findByName(DEFAULT_TYPE).id();
    }

    String defaultId() {
        return defaultId;
    }

    PermissionType find(String id) {
        return byId.get(id);
    }

    PermissionType findByName(String name) {
        String id = idByLowerName.get(lower(name));
        return id == null ? null : byId.get(id);
    }

    PermissionType get(String id) {
        PermissionType type = byId.get(id);
        if (type == null) {
            throw Problems.notFound("permission type", id);
        }
        return type;
    }

    Collection<PermissionType> all() {
        return byId.values();
    }

    /** {@code name} is compared case-insensitively. Ordered by creation. */
    Page<PermissionType> list(String name, PageRequest request) {
        if (name == null) {
            return Page.of(byId.values(), t -> true, request);
        }
        PermissionType match = findByName(name);
        return Page.of(match == null ? List.of() : List.of(match), t -> true, request);
    }

    PermissionType create(String name) {
        new FieldErrors().requireText("name", name).throwIfAny();
        requireFreeName(name, null);
        return put(new PermissionType(nextId(), name, false, false));
    }

    PermissionType rename(String id, String name) {
        PermissionType current = get(id);
        if (current.isSystem()) {
            throw Problems.protectedItem("the system permission type " + current.name());
        }
        new FieldErrors().requireText("name", name).throwIfAny();
        requireFreeName(name, id);
        idByLowerName.remove(lower(current.name()));
        return put(current.withName(name));
    }

    void delete(String id) {
        PermissionType current = get(id);
        if (current.isSystem()) {
            throw Problems.protectedItem("the system permission type " + current.name());
        }
        idByLowerName.remove(lower(current.name()));
        byId.remove(id);
    }

    private void requireFreeName(String name, String exceptId) {
        String holder = idByLowerName.get(lower(name));
        if (holder != null && !holder.equals(exceptId)) {
            throw Problems.duplicateName("permission type", name);
        }
    }

    private PermissionType put(PermissionType type) {
        byId.put(type.id(), type);
        idByLowerName.put(lower(type.name()), type.id());
        return type;
    }

    private String nextId() {
        return "pt-" + ++sequence;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
