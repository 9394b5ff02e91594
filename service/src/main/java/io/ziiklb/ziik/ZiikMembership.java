package io.ziiklb.ziik;

import java.util.List;

/**
 * One of a user's unit memberships, with the roles the user holds there, in Ziik's order.
 *
 * @param departmentUnitId the Ziik "department" (a unit of type department) within the unit, or null
 */
public record ZiikMembership(long unitId, String unitName, Long departmentUnitId, List<ZiikRole> roles) {
    public ZiikMembership {
        roles = List.copyOf(roles);
    }
}
