package io.ziiklb.simulator.learningbank;

/**
 * A department of the platform's tree.
 *
 * @param parentId null only for the top department
 */
public record Department(String id, String name, String parentId, boolean isTop) {

    Department withName(String newName) {
        return new Department(id, newName, parentId, isTop);
    }

    Department withParentId(String newParentId) {
        return new Department(id, name, newParentId, isTop);
    }
}
