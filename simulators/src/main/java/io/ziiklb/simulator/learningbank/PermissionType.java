package io.ziiklb.simulator.learningbank;

/** A permission type. System types (Owner, Manager, Content Creator, User) cannot be changed or deleted. */
public record PermissionType(String id, String name, boolean isDefault, boolean isSystem) {

    PermissionType withName(String newName) {
        return new PermissionType(id, newName, isDefault, isSystem);
    }
}
