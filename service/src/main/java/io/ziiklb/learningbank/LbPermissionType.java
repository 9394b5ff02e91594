package io.ziiklb.learningbank;

/** A permission type; system types (Owner, Manager, Content Creator, User) cannot be changed. */
public record LbPermissionType(String id, String name, boolean isDefault, boolean system) {
}
