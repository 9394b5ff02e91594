package io.ziiklb.learningbank;

/** A department. {@code parentId} is null only for the top department. */
public record LbDepartment(String id, String name, String parentId, boolean top) {
}
