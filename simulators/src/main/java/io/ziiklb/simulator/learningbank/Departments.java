package io.ziiklb.simulator.learningbank;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The department tree and its own rules: one protected top department, names unique
 * case-insensitively, a parent that exists and makes no cycle. Whether a department still has users
 * is the caller's to say. Not thread-safe: {@link LearningbankState} guards it.
 */
final class Departments {
    private final Map<String, Department> byId = new LinkedHashMap<>();
    private final Map<String, String> idByLowerName = new HashMap<>();
    private final Map<String, Set<String>> childIdsByParent = new HashMap<>();
    private final String topId;
    private long sequence;

    Departments(String topName) {
        topId = put(new Department(nextId(), topName, null, true)).id();
    }

    String topId() {
        return topId;
    }

    Department find(String id) {
        return byId.get(id);
    }

    Department findByName(String name) {
        String id = idByLowerName.get(lower(name));
        return id == null ? null : byId.get(id);
    }

    Department get(String id) {
        Department department = byId.get(id);
        if (department == null) {
            throw Problems.notFound("department", id);
        }
        return department;
    }

    Collection<Department> all() {
        return byId.values();
    }

    /** Filters are exact; {@code name} is compared case-insensitively. Ordered by creation. */
    Page<Department> list(String name, String parentId, PageRequest request) {
        Iterable<Department> candidates;
        if (name != null) {
            Department match = findByName(name);
            candidates = match == null ? List.of() : List.of(match);
        } else if (parentId != null) {
            candidates = childIdsByParent.getOrDefault(parentId, Set.of()).stream().map(byId::get).toList();
        } else {
            candidates = byId.values();
        }
        return Page.of(candidates, d -> parentId == null || parentId.equals(d.parentId()), request);
    }

    Department create(String name, String parentId) {
        FieldErrors errors = new FieldErrors().requireText("name", name);
        if (parentId == null) {
            errors.add("parent_id", "is required");
        } else if (!byId.containsKey(parentId)) {
            errors.add("parent_id", "unknown department: " + parentId);
        }
        errors.throwIfAny();
        requireFreeName(name, null);
        return put(new Department(nextId(), name, parentId, false));
    }

    /** A null {@code name} or {@code parentId} leaves that field; an explicit null was refused earlier. */
    Department update(String id, String name, String parentId) {
        Department current = get(id);
        if (current.isTop() && (name != null || parentId != null)) {
            throw Problems.protectedItem("the top department");
        }
        FieldErrors errors = new FieldErrors();
        if (name != null) {
            errors.requireText("name", name);
        }
        if (parentId != null) {
            if (!byId.containsKey(parentId)) {
                errors.add("parent_id", "unknown department: " + parentId);
            } else if (isSelfOrAncestor(id, parentId)) {
                errors.add("parent_id", "would make a cycle: " + parentId + " is " + id + " or below it");
            }
        }
        errors.throwIfAny();
        Department updated = current;
        if (name != null) {
            requireFreeName(name, id);
            updated = updated.withName(name);
        }
        if (parentId != null) {
            updated = updated.withParentId(parentId);
        }
        unindex(current);
        return put(updated);
    }

    /** @param hasUsers whether any user is still in the department */
    void delete(String id, boolean hasUsers) {
        Department current = get(id);
        if (current.isTop()) {
            throw Problems.protectedItem("the top department");
        }
        if (!childIdsByParent.getOrDefault(id, Set.of()).isEmpty()) {
            throw Problems.departmentNotEmpty(id, "child departments");
        }
        if (hasUsers) {
            throw Problems.departmentNotEmpty(id, "users");
        }
        unindex(current);
        byId.remove(id);
    }

    /** Walks up from {@code candidate}: true when it is {@code id} itself or lies below it. */
    private boolean isSelfOrAncestor(String id, String candidate) {
        for (String at = candidate; at != null; at = byId.get(at).parentId()) {
            if (at.equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void requireFreeName(String name, String exceptId) {
        String holder = idByLowerName.get(lower(name));
        if (holder != null && !holder.equals(exceptId)) {
            throw Problems.duplicateName("department", name);
        }
    }

    private Department put(Department department) {
        byId.put(department.id(), department);
        idByLowerName.put(lower(department.name()), department.id());
        if (department.parentId() != null) {
            childIdsByParent.computeIfAbsent(department.parentId(), k -> new LinkedHashSet<>()).add(department.id());
        }
        return department;
    }

    /** Drops the name and parent indexes; the entry in {@code byId} stays, so an update keeps its place in the order. */
    private void unindex(Department department) {
        idByLowerName.remove(lower(department.name()));
        if (department.parentId() != null) {
            childIdsByParent.get(department.parentId()).remove(department.id());
        }
    }

    private String nextId() {
        return "d-" + ++sequence;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
