package io.ziiklb.sync;

import java.util.Map;
import java.util.Optional;

/**
 * One integration's links, read and written while a plan runs. Implementations are thread-safe
 * and each write is durable when the method returns.
 */
public interface LinkStore {

    Optional<String> department(long unitId);

    void linkDepartment(long unitId, String departmentId);

    void unlinkDepartment(long unitId);

    /**
     * Records, before the call, that a department is being created for the unit under this name:
     * if the answer is lost with the process, the next plan links the department it finds by that
     * name (rule O2 across a crash). Linking the unit, or {@link #dropCreateIntent}, clears it.
     */
    void intendDepartment(long unitId, String name);

    /** The create was refused, or its intent settled otherwise: nothing to look for. */
    void dropCreateIntent(long unitId);

    /**
     * Units left in a name conflict (rule U6) after the last synchronisation applied, to the
     * department their members were placed in then (their nearest linked ancestor's, or the top).
     * A tree reconcile compares it with where they go now to place the members anew when it changed.
     */
    Map<Long, String> conflictPlacements();

    /** Records, or replaces, where the members of a unit in a name conflict are placed. */
    void placeConflicted(long unitId, String departmentId);

    /** The unit is no longer in a name conflict (or gone): nothing placed for it. */
    void dropConflictPlacement(long unitId);

    Optional<Links.RoleLink> permissionType(long roleId);

    void linkPermissionType(long roleId, String permissionTypeId, boolean adopted);

    void unlinkPermissionType(long roleId);

    /**
     * Records, before the call, that a permission type is being created for the role under this
     * name: if the answer is lost with the process, the next plan links the unlinked type it finds
     * by that name as ziiklb's own, not as a customer's type to adopt (rule O2 across a crash).
     * Linking the role, or {@link #dropTypeIntent}, clears it.
     */
    void intendPermissionType(long roleId, String name);

    /** The type create was refused, or its intent settled otherwise: nothing to look for. */
    void dropTypeIntent(long roleId);

    Optional<String> user(long ziikUserId);

    void linkUser(long ziikUserId, String userId);

    void unlinkUser(long ziikUserId);

    /** All links (and create intents) as they stand now. */
    Links snapshot();

    /** The unit and role links and the create intents, without the (many) user links. */
    Links unitsAndRoles();

    /** The Ziik user linked to this Learningbank user, if any. */
    Optional<Long> userLinkedTo(String userId);
}
