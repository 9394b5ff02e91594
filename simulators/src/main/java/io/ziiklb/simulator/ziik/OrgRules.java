package io.ziiklb.simulator.ziik;

import java.util.NoSuchElementException;

/**
 * The checks {@link ZiikOrganisation} makes before a change, against the current state. Each
 * throws what the organisation promises: {@link NoSuchElementException} for an unknown id,
 * {@link IllegalArgumentException} for invalid input, {@link IllegalStateException} for a change
 * refused in the current state. Call under the organisation's lock.
 */
final class OrgRules {
    private final OrgState state;

    OrgRules(OrgState state) {
        this.state = state;
    }

    UnitRow unit(int id) {
        UnitRow unit = state.unit(id);
        if (unit == null) {
            throw new NoSuchElementException("no unit " + id);
        }
        return unit;
    }

    /** A unit that can take sub-units: not a department. */
    UnitRow parentUnit(int id) {
        UnitRow parent = unit(id);
        if (parent.type() != UnitType.UNIT) {
            throw new IllegalArgumentException("a department cannot have sub-units");
        }
        return parent;
    }

    RoleRow role(int id) {
        RoleRow role = state.role(id);
        if (role == null) {
            throw new NoSuchElementException("no role " + id);
        }
        return role;
    }

    /** A user that is not anonymised. */
    UserRow user(int id) {
        UserRow row = state.user(id);
        if (row == null) {
            throw new NoSuchElementException(state.isAnonymised(id) ? "user " + id + " is deleted" : "no user " + id);
        }
        return row;
    }

    void membershipIndex(UserRow row, int index) {
        if (index < 0 || index >= row.memberships().size()) {
            throw new NoSuchElementException("user " + row.id() + " has no membership " + index);
        }
    }

    void notAdmin(int userId) {
        if (userId == state.adminUserId()) {
            throw new IllegalStateException("the integration's admin account cannot be deactivated or deleted");
        }
    }

    /** A unit, optionally one of its departments, and existing roles. */
    void validMembership(Membership m) {
        UnitRow unit = unit(m.unitId());
        if (unit.type() != UnitType.UNIT) {
            throw new IllegalArgumentException("a membership's unit must be a unit, not a department");
        }
        if (m.hasDepartment()) {
            UnitRow department = unit(m.departmentId());
            if (department.type() != UnitType.DEPARTMENT || department.parentId() != unit.id()) {
                throw new IllegalArgumentException("unit " + m.departmentId() + " is not a department of unit " + unit.id());
            }
        }
        m.roleIds().forEach(this::role);
    }

    /** One membership per unit: the membership at {@code replacing} (or -1) may keep its unit. */
    void newUnitFor(UserRow row, Membership m, int replacing) {
        for (int i = 0; i < row.memberships().size(); i++) {
            if (i != replacing && row.memberships().get(i).unitId() == m.unitId()) {
                throw new IllegalArgumentException("user " + row.id() + " is already a member of unit " + m.unitId());
            }
        }
    }

    /** An address no other user holds in any case; {@code ownerId} may keep its own. */
    void freeEmail(String email, int ownerId) {
        text(email, "email");
        if (email.indexOf('@') <= 0) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        Integer holder = state.userByEmail(email);
        if (holder != null && holder != ownerId) {
            throw new IllegalArgumentException("the email " + email + " is taken");
        }
    }

    /** A name no other role has; {@code ownerId} may keep its own. */
    String freeRoleName(String name, int ownerId) {
        text(name, "name");
        if (state.roles().stream().anyMatch(r -> r.name().equals(name) && r.id() != ownerId)) {
            throw new IllegalArgumentException("a role is already named " + name);
        }
        return name;
    }

    /** Non-blank text. */
    String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is required");
        }
        return value;
    }
}
