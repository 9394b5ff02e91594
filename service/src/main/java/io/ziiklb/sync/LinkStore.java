package io.ziiklb.sync;

import java.util.Optional;

/**
 * One integration's links, read and written while a plan runs. Implementations are thread-safe
 * and each write is durable when the method returns.
 */
public interface LinkStore {

    Optional<String> department(long unitId);

    void linkDepartment(long unitId, String departmentId);

    void unlinkDepartment(long unitId);

    Optional<Links.RoleLink> permissionType(long roleId);

    void linkPermissionType(long roleId, String permissionTypeId, boolean adopted);

    void unlinkPermissionType(long roleId);

    Optional<String> user(long ziikUserId);

    void linkUser(long ziikUserId, String userId);

    void unlinkUser(long ziikUserId);

    /** All links as they stand now. */
    Links snapshot();

    /** The unit and role links, without the (many) user links. */
    Links unitsAndRoles();

    /** The Ziik user linked to this Learningbank user, if any. */
    Optional<Long> userLinkedTo(String userId);
}
