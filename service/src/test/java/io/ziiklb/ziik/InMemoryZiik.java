package io.ziiklb.ziik;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ziik as the engine reads it ({@link ZiikReads}), held in memory for fast tests: units, roles,
 * users and their memberships, each settable. Like Ziik, a user that is gone (deleted or
 * anonymised) reads as empty and its memberships as not found; the user lists carry no email.
 * Thread-safe, since the engine reads users several at a time.
 */
public final class InMemoryZiik implements ZiikReads {
    private final Map<Long, ZiikUnit> units = new LinkedHashMap<>();
    private final Map<Long, ZiikRole> roles = new LinkedHashMap<>();
    private final Map<Long, ZiikUser> users = new LinkedHashMap<>();
    private final Map<Long, List<ZiikMembership>> memberships = new LinkedHashMap<>();

    /** An organisation with only its top unit. */
    public InMemoryZiik(long topUnitId, String topName) {
        units.put(topUnitId, new ZiikUnit(topUnitId, topName, null, 0, "unit", null));
    }

    /** Adds or replaces a unit (of type {@code unit}, the kind mirrored to Learningbank) under {@code parentId}. */
    public synchronized InMemoryZiik unit(long id, String name, long parentId) {
        return put(new ZiikUnit(id, name, parentId, level(parentId) + 1, "unit", null));
    }

    /** Adds or replaces a Ziik department (a unit of type {@code department}, not mirrored). */
    public synchronized InMemoryZiik ziikDepartment(long id, String name, long parentId) {
        return put(new ZiikUnit(id, name, parentId, level(parentId) + 1, "department", null));
    }

    public synchronized InMemoryZiik removeUnit(long id) {
        units.remove(id);
        return this;
    }

    public synchronized InMemoryZiik role(long id, String name) {
        roles.put(id, new ZiikRole(id, name));
        return this;
    }

    public synchronized InMemoryZiik removeRole(long id) {
        roles.remove(id);
        return this;
    }

    /** Adds or replaces the user; its memberships stay as they were (none for a new user). */
    public synchronized InMemoryZiik user(ZiikUser user) {
        users.put(user.id(), user);
        memberships.putIfAbsent(user.id(), List.of());
        return this;
    }

    /** The user's memberships, in this order (the first decides roles and job profile). */
    public synchronized InMemoryZiik memberships(long userId, ZiikMembership... inOrder) {
        memberships.put(userId, List.of(inOrder));
        return this;
    }

    /** Deleted or anonymised: read as gone from now on. */
    public synchronized InMemoryZiik removeUser(long id) {
        users.remove(id);
        memberships.remove(id);
        return this;
    }

    /** A membership of {@code unitId} holding these roles (by id, as set with {@link #role}). */
    public synchronized ZiikMembership in(long unitId, long... roleIds) {
        List<ZiikRole> held = new ArrayList<>();
        for (long roleId : roleIds) {
            held.add(roles.get(roleId));
        }
        return new ZiikMembership(unitId, units.get(unitId).name(), null, held);
    }

    @Override
    public synchronized List<ZiikUnit> units() {
        return List.copyOf(units.values());
    }

    @Override
    public synchronized List<ZiikRole> roles() {
        return List.copyOf(roles.values());
    }

    @Override
    public synchronized List<ZiikUserSummary> activeUsers() {
        return summaries(true);
    }

    @Override
    public synchronized List<ZiikUserSummary> inactiveUsers() {
        return summaries(false);
    }

    @Override
    public synchronized Optional<ZiikUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized List<ZiikMembership> memberships(long userId) {
        List<ZiikMembership> of = memberships.get(userId);
        if (of == null) {
            throw new ZiikNotFoundException("Ziik has no such object: GET /users/" + userId + "/units", false);
        }
        return of;
    }

    private List<ZiikUserSummary> summaries(boolean active) {
        return users.values().stream().filter(u -> u.active() == active)
                .map(u -> new ZiikUserSummary(u.id(), u.firstName(), u.lastName(), u.active())).toList();
    }

    private InMemoryZiik put(ZiikUnit unit) {
        units.put(unit.id(), unit);
        return this;
    }

    private int level(long unitId) {
        ZiikUnit parent = units.get(unitId);
        if (parent == null) {
            throw new IllegalArgumentException("no unit " + unitId + " to put a unit under");
        }
        return parent.level();
    }
}
