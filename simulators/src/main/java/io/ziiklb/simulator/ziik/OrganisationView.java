package io.ziiklb.simulator.ziik;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation's own state at one instant, read-only and immutable, for tests that need the
 * truth without going through Ziik's API (and so without sharing code with a client under test).
 * Taken with {@link ZiikOrganisation#view()}.
 *
 * @param topUnitId      the top unit
 * @param units          every unit and department, in id order
 * @param roles          every role ("user type"), in id order
 * @param users          every user not anonymised (active and deactivated), in id order
 * @param deletedUserIds users deleted (anonymised): gone from both lists, reads answer 410
 * @param adminUserId    the integration's own account
 */
public record OrganisationView(int topUnitId, List<Unit> units, List<Role> roles, List<User> users,
                               Set<Integer> deletedUserIds, int adminUserId) {

    public OrganisationView {
        units = List.copyOf(units);
        roles = List.copyOf(roles);
        users = List.copyOf(users);
        deletedUserIds = Set.copyOf(deletedUserIds);
    }

    /**
     * A unit as stored.
     *
     * @param parentId null for the top unit
     * @param unitType {@code "unit"} or {@code "department"}, as Ziik's {@code unit_type}
     */
    public record Unit(int id, String name, Integer parentId, String unitType) {
        public boolean isTop() {
            return parentId == null;
        }

        public boolean isDepartment() {
            return "department".equals(unitType);
        }
    }

    public record Role(int id, String name) {
    }

    /**
     * A user as stored, with every field.
     *
     * @param memberships in Ziik's order (the first one first); each with its unit, its department
     *                    (0 for none) and its roles in order
     */
    public record User(int id, String firstName, String lastName, String email, String title, String language,
                       String timezone, boolean active, List<Membership> memberships) {
        public User {
            memberships = List.copyOf(memberships);
        }
    }

    public Optional<Unit> unit(int id) {
        return units.stream().filter(u -> u.id() == id).findFirst();
    }

    public Optional<Role> role(int id) {
        return roles.stream().filter(r -> r.id() == id).findFirst();
    }

    public Optional<User> user(int id) {
        return users.stream().filter(u -> u.id() == id).findFirst();
    }

    /** Units by id, in id order. */
    public Map<Integer, Unit> unitsById() {
        Map<Integer, Unit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        return byId;
    }

    static OrganisationView of(OrgState state) {
        List<Unit> units = state.units().stream()
                .map(u -> new Unit(u.id(), u.name(), u.isTop() ? null : u.parentId(), u.type().json())).toList();
        List<Role> roles = state.roles().stream().map(r -> new Role(r.id(), r.name())).toList();
        List<User> users = state.users().stream()
                .map(u -> new User(u.id(), u.firstName(), u.lastName(), u.email(), u.title(), u.language(), u.timezone(),
                        u.active(), u.memberships()))
                .toList();
        return new OrganisationView(state.topUnit().id(), units, roles, users, state.anonymisedIds(), state.adminUserId());
    }
}
