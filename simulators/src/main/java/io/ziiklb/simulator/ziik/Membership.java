package io.ziiklb.simulator.ziik;

import java.util.Arrays;
import java.util.List;

/**
 * One membership of a user: the unit, optionally a department of that unit, and the user's roles
 * there. A user's memberships are ordered (the order they were added) and the first one matters to
 * the product: its roles become the user's permission types and job profile.
 *
 * @param unitId       the unit ({@code unit_type: "unit"})
 * @param departmentId a department whose parent is {@code unitId}, or 0 for none
 * @param roleIds      the roles ("user types") held in this membership, in order; may be empty
 */
public record Membership(int unitId, int departmentId, List<Integer> roleIds) {

    public Membership {
        if (unitId <= 0 || departmentId < 0) {
            throw new IllegalArgumentException("a membership needs a unit id (and a department id or 0)");
        }
        roleIds = List.copyOf(roleIds);
    }

    /** A membership of {@code unitId} with these roles and no department. */
    public static Membership of(int unitId, int... roleIds) {
        return new Membership(unitId, 0, Arrays.stream(roleIds).boxed().toList());
    }

    public Membership withRoles(int... newRoleIds) {
        return new Membership(unitId, departmentId, Arrays.stream(newRoleIds).boxed().toList());
    }

    public Membership inDepartment(int newDepartmentId) {
        return new Membership(unitId, newDepartmentId, roleIds);
    }

    public boolean hasDepartment() {
        return departmentId != 0;
    }
}
