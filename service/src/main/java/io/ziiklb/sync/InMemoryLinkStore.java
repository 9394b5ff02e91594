package io.ziiklb.sync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Links held in memory: for previews, tests and benchmarks. */
public final class InMemoryLinkStore implements LinkStore {
    private final Map<Long, String> units = new ConcurrentHashMap<>();
    private final Map<Long, Links.RoleLink> roles = new ConcurrentHashMap<>();
    private final Map<Long, String> users = new ConcurrentHashMap<>();
    private final Map<Long, String> intents = new ConcurrentHashMap<>();
    private final Map<Long, String> typeIntents = new ConcurrentHashMap<>();
    private final Map<Long, String> placements = new ConcurrentHashMap<>();

    public InMemoryLinkStore() {
    }

    public InMemoryLinkStore(Links initial) {
        units.putAll(initial.units());
        roles.putAll(initial.roles());
        users.putAll(initial.users());
        intents.putAll(initial.createIntents());
        typeIntents.putAll(initial.typeIntents());
    }

    public Optional<String> department(long unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    public void linkDepartment(long unitId, String departmentId) {
        units.put(unitId, departmentId);
        intents.remove(unitId);
    }

    public void unlinkDepartment(long unitId) {
        units.remove(unitId);
    }

    public void intendDepartment(long unitId, String name) {
        intents.put(unitId, name);
    }

    public void dropCreateIntent(long unitId) {
        intents.remove(unitId);
    }

    public Map<Long, String> conflictPlacements() {
        return Map.copyOf(placements);
    }

    public void placeConflicted(long unitId, String departmentId) {
        placements.put(unitId, departmentId);
    }

    public void dropConflictPlacement(long unitId) {
        placements.remove(unitId);
    }

    public Optional<Links.RoleLink> permissionType(long roleId) {
        return Optional.ofNullable(roles.get(roleId));
    }

    public void linkPermissionType(long roleId, String permissionTypeId, boolean adopted) {
        roles.put(roleId, new Links.RoleLink(permissionTypeId, adopted));
        typeIntents.remove(roleId);
    }

    public void unlinkPermissionType(long roleId) {
        roles.remove(roleId);
    }

    public void intendPermissionType(long roleId, String name) {
        typeIntents.put(roleId, name);
    }

    public void dropTypeIntent(long roleId) {
        typeIntents.remove(roleId);
    }

    public Optional<String> user(long ziikUserId) {
        return Optional.ofNullable(users.get(ziikUserId));
    }

    public void linkUser(long ziikUserId, String userId) {
        users.put(ziikUserId, userId);
    }

    public void unlinkUser(long ziikUserId) {
        users.remove(ziikUserId);
    }

    public Links snapshot() {
        return new Links(units, roles, users, intents, typeIntents);
    }

    public Links unitsAndRoles() {
        return new Links(units, roles, java.util.Map.of(), intents, typeIntents);
    }

    public Optional<Long> userLinkedTo(String userId) {
        return users.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(java.util.Map.Entry::getKey).findFirst();
    }
}
