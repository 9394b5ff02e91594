package io.ziiklb.sync;

import java.util.Map;
import java.util.Optional;

/**
 * Reads links from memory and writes them to both memory and a durable store: one synchronisation
 * resolves tens of thousands of references, and each must not be a database round trip. Made from
 * the durable store's snapshot at the start of a run; meant for one run at a time.
 */
public final class WriteThroughLinkStore implements LinkStore {
    private final LinkStore durable;
    private final InMemoryLinkStore memory;

    public WriteThroughLinkStore(LinkStore durable) {
        this.durable = durable;
        this.memory = new InMemoryLinkStore(durable.snapshot());
        durable.conflictPlacements().forEach(memory::placeConflicted);
    }

    public Optional<String> department(long unitId) {
        return memory.department(unitId);
    }

    public void linkDepartment(long unitId, String departmentId) {
        durable.linkDepartment(unitId, departmentId);
        memory.linkDepartment(unitId, departmentId);
    }

    public void unlinkDepartment(long unitId) {
        durable.unlinkDepartment(unitId);
        memory.unlinkDepartment(unitId);
    }

    public void intendDepartment(long unitId, String name) {
        durable.intendDepartment(unitId, name);
        memory.intendDepartment(unitId, name);
    }

    public void dropCreateIntent(long unitId) {
        durable.dropCreateIntent(unitId);
        memory.dropCreateIntent(unitId);
    }

    public Map<Long, String> conflictPlacements() {
        return memory.conflictPlacements();
    }

    public void placeConflicted(long unitId, String departmentId) {
        durable.placeConflicted(unitId, departmentId);
        memory.placeConflicted(unitId, departmentId);
    }

    public void dropConflictPlacement(long unitId) {
        durable.dropConflictPlacement(unitId);
        memory.dropConflictPlacement(unitId);
    }

    public Optional<Links.RoleLink> permissionType(long roleId) {
        return memory.permissionType(roleId);
    }

    public void linkPermissionType(long roleId, String permissionTypeId, boolean adopted) {
        durable.linkPermissionType(roleId, permissionTypeId, adopted);
        memory.linkPermissionType(roleId, permissionTypeId, adopted);
    }

    public void unlinkPermissionType(long roleId) {
        durable.unlinkPermissionType(roleId);
        memory.unlinkPermissionType(roleId);
    }

    public void intendPermissionType(long roleId, String name) {
        durable.intendPermissionType(roleId, name);
        memory.intendPermissionType(roleId, name);
    }

    public void dropTypeIntent(long roleId) {
        durable.dropTypeIntent(roleId);
        memory.dropTypeIntent(roleId);
    }

    public Optional<String> user(long ziikUserId) {
        return memory.user(ziikUserId);
    }

    public void linkUser(long ziikUserId, String userId) {
        durable.linkUser(ziikUserId, userId);
        memory.linkUser(ziikUserId, userId);
    }

    public void unlinkUser(long ziikUserId) {
        durable.unlinkUser(ziikUserId);
        memory.unlinkUser(ziikUserId);
    }

    public Links snapshot() {
        return memory.snapshot();
    }

    public Links unitsAndRoles() {
        return memory.unitsAndRoles();
    }

    public Optional<Long> userLinkedTo(String userId) {
        return memory.userLinkedTo(userId);
    }
}
