package io.ziiklb.simulator.ziik;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulated Ziik organisation and its in-process control API. Thread-safe: changes are
 * serialised, and each one fires its webhook events in order.
 *
 * <p>It starts with a top unit "HQ", a role "Administrator" and the integration's admin account,
 * a member of the top unit with that role; {@link OrganisationGenerator} grows it from there.
 *
 * <p>Events: user create, update (profile, deactivate, reactivate) and delete fire
 * {@code user.create/update/delete}; unit create, update (rename, move) and delete fire
 * {@code unit.create/update/delete}. Membership changes fire {@code user.update} only when
 * {@link DeliverySwitches#membershipChangesFireUserUpdate()} is on (off by default, since Ziik
 * does not document it). Role changes fire nothing: Ziik has no role webhooks.
 *
 * <p>Signing in: a user with a Ziik-managed password ({@link #setPassword}) can sign in to the
 * API as themselves; users without one (sign-in managed outside Ziik) cannot. {@link #setAdmin}
 * makes a user a Ziik administrator ({@code "admin": true} in reads). Neither fires an event:
 * webhook bodies carry neither field. The integration's account is an administrator from the start.
 *
 * <p>Failures: an unknown id throws {@link NoSuchElementException} (HTTP 404 on the control
 * routes), invalid input {@link IllegalArgumentException} (422), a change the organisation
 * refuses in its current state {@link IllegalStateException} (409).
 */
public final class ZiikOrganisation {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final OrgState state = new OrgState();
    private final OrgRules rules = new OrgRules(state);
    private final OrgEvents events;

    /** Counts of what the organisation holds. {@code maxLevel} is the deepest unit's level (top = 0). */
    public record Summary(int units, int departments, int roles, int activeUsers, int inactiveUsers,
                          int anonymisedUsers, int memberships, int maxLevel) {
    }

    ZiikOrganisation(String adminEmail, OrgEvents events) {
        this.events = events;
        UnitRow top = state.addUnit("HQ", 0, UnitType.UNIT);
        RoleRow administrator = state.addRole("Administrator");
        UserRow admin = new UserRow(state.nextUserId(), "Integration", "Admin", adminEmail, "Integration account",
                "en", "Europe/Copenhagen", true, List.of(Membership.of(top.id(), administrator.id())));
        state.putUser(admin);
        state.setAdminUserId(admin.id());
        state.credentials().setAdmin(admin.id(), true);
    }

    public int topUnitId() {
        return read(s -> s.topUnit().id());
    }

    /** The integration's own account, the one that signs in to the API. */
    public int adminUserId() {
        return read(OrgState::adminUserId);
    }

    // ---- units

    /** Creates a unit ({@code unit_type: "unit"}) under a unit. Fires {@code unit.create}. */
    public int createUnit(String name, int parentId) {
        return addUnit(name, parentId, UnitType.UNIT);
    }

    /**
     * Creates a department ({@code unit_type: "department"}) under a unit. Departments have no
     * sub-units; a membership may name one as its department. Fires {@code unit.create}.
     */
    public int createDepartment(String name, int parentId) {
        return addUnit(name, parentId, UnitType.DEPARTMENT);
    }

    /** Fires {@code unit.update}. The top unit may be renamed. */
    public void renameUnit(int id, String name) {
        write(() -> {
            UnitRow row = rules.unit(id).withName(rules.text(name, "name"));
            state.replaceUnit(row);
            fireUnit("unit.update", row);
        });
    }

    /**
     * Moves a unit with everything under it. Fires {@code unit.update} for the moved unit only,
     * though its descendants' levels change too.
     *
     * @throws IllegalArgumentException for the top unit, a move under itself or a descendant, or
     *                                  under a department
     * @throws IllegalStateException    moving a department that has members
     */
    public void moveUnit(int id, int newParentId) {
        write(() -> {
            UnitRow row = rules.unit(id);
            rules.parentUnit(newParentId);
            if (row.isTop()) {
                throw new IllegalArgumentException("the top unit cannot be moved");
            }
            if (state.isAncestorOrSelf(id, newParentId)) {
                throw new IllegalArgumentException("a unit cannot move under itself");
            }
            if (row.type() == UnitType.DEPARTMENT && state.memberCount(id) > 0) {
                throw new IllegalStateException("a department with members cannot be moved");
            }
            UnitRow moved = row.withParent(newParentId);
            state.replaceUnit(moved);
            fireUnit("unit.update", moved);
        });
    }

    /**
     * Deletes an empty unit. Fires {@code unit.delete} with the unit as it was.
     *
     * @throws IllegalStateException when it is the top unit, or still has sub-units, departments or
     *                               members: move or remove those first, as a Ziik admin must
     */
    public void deleteUnit(int id) {
        write(() -> {
            UnitRow row = rules.unit(id);
            if (row.isTop()) {
                throw new IllegalStateException("the top unit cannot be deleted");
            }
            if (state.childCount(id) > 0 || state.memberCount(id) > 0) {
                throw new IllegalStateException("unit " + id + " still has sub-units or members");
            }
            Object body = new UnitJson(state).delivery(row); // rendered while the unit still exists
            state.removeUnit(id);
            events.fire("unit.delete", false, () -> body);
        });
    }

    /** Ids of all units and departments, in id order. */
    public List<Integer> unitIds() {
        return read(s -> s.units().stream().map(UnitRow::id).toList());
    }

    // ---- roles (no webhooks)

    /** @throws IllegalArgumentException when a role already has this name */
    public int createRole(String name) {
        return write(() -> state.addRole(rules.freeRoleName(name, 0)).id());
    }

    public void renameRole(int id, String name) {
        write(() -> state.replaceRole(rules.role(id).withName(rules.freeRoleName(name, id))));
    }

    /** Deletes the role and takes it out of every membership; memberships may be left with no role. */
    public void deleteRole(int id) {
        write(() -> state.removeRole(rules.role(id).id()));
    }

    public List<Integer> roleIds() {
        return read(s -> s.roles().stream().map(RoleRow::id).toList());
    }

    // ---- users

    /**
     * Creates an active user. Fires {@code user.create}.
     *
     * @throws IllegalArgumentException for a blank name, an email without {@code @} or one another
     *                                  user holds (in any case), or an invalid membership
     */
    public int createUser(NewUser user) {
        return write(() -> {
            rules.text(user.firstName(), "first name");
            rules.text(user.lastName(), "last name");
            rules.text(user.language(), "language");
            rules.freeEmail(user.email(), 0);
            rules.validMembership(user.membership());
            UserRow row = new UserRow(state.nextUserId(), user.firstName(), user.lastName(), user.email(),
                    user.title(), user.language(), "Europe/Copenhagen", true, List.of(user.membership()));
            state.putUser(row);
            fireUser("user.create", row, false);
            return row.id();
        });
    }

    /** Changes the profile fields given. Fires {@code user.update}. */
    public void updateUser(int id, UserUpdate update) {
        write(() -> {
            UserRow row = rules.user(id);
            if (update.firstName() != null) {
                rules.text(update.firstName(), "first name");
            }
            if (update.lastName() != null) {
                rules.text(update.lastName(), "last name");
            }
            if (update.language() != null) {
                rules.text(update.language(), "language");
            }
            if (update.email() != null) {
                rules.freeEmail(update.email(), id);
            }
            UserRow changed = row.with(update);
            state.putUser(changed);
            fireUser("user.update", changed, false);
        });
    }

    /** Fires {@code user.update} unless already deactivated. The admin account cannot be deactivated. */
    public void deactivateUser(int id) {
        setActive(id, false);
    }

    /** Fires {@code user.update} unless already active. */
    public void reactivateUser(int id) {
        setActive(id, true);
    }

    /**
     * Deletes (anonymises) a user: gone from both user lists, and reads answer 410. Fires
     * {@code user.delete} with the user as it was. The admin account cannot be deleted.
     */
    public void deleteUser(int id) {
        write(() -> {
            UserRow row = rules.user(id);
            rules.notAdmin(id);
            Object body = new UserJson(state).delivery(row);
            state.anonymise(id);
            events.fire("user.delete", false, () -> body);
        });
    }

    /** Users not anonymised (active and deactivated), in id order. */
    public List<Integer> userIds() {
        return read(s -> s.users().stream().map(UserRow::id).toList());
    }

    // ---- signing in (no events)

    /**
     * Gives the user a Ziik-managed password, replacing any earlier one: they can then sign in to
     * the API with their email (in any case) and this password, while active.
     *
     * @throws IllegalArgumentException for a blank password
     */
    public void setPassword(int userId, String password) {
        write(() -> {
            rules.user(userId);
            state.credentials().setPassword(userId, rules.text(password, "password"));
        });
    }

    /** Takes the password away, as for a user whose sign-in is managed outside Ziik (Azure login). */
    public void removePassword(int userId) {
        write(() -> {
            rules.user(userId);
            state.credentials().removePassword(userId);
        });
    }

    public boolean hasPassword(int userId) {
        return read(s -> s.credentials().hasPassword(rules.user(userId).id()));
    }

    /** Makes the user a Ziik administrator or takes that away ({@code "admin"} in the user's reads). */
    public void setAdmin(int userId, boolean admin) {
        write(() -> {
            rules.user(userId);
            state.credentials().setAdmin(userId, admin);
        });
    }

    public boolean isAdmin(int userId) {
        return read(s -> s.credentials().isAdmin(rules.user(userId).id()));
    }

    // ---- memberships (user.update only when the switch is on)

    /** Adds a membership at the end. Returns its index. */
    public int addMembership(int userId, Membership membership) {
        return write(() -> {
            UserRow row = rules.user(userId);
            rules.validMembership(membership);
            rules.newUnitFor(row, membership, -1);
            List<Membership> list = new ArrayList<>(row.memberships());
            list.add(membership);
            changeMemberships(row, list);
            return list.size() - 1;
        });
    }

    /** Replaces the membership at {@code index} (its unit, department or roles), keeping its place. */
    public void replaceMembership(int userId, int index, Membership membership) {
        write(() -> {
            UserRow row = rules.user(userId);
            rules.membershipIndex(row, index);
            rules.validMembership(membership);
            rules.newUnitFor(row, membership, index);
            List<Membership> list = new ArrayList<>(row.memberships());
            list.set(index, membership);
            changeMemberships(row, list);
        });
    }

    /** @throws IllegalStateException when it is the user's only membership */
    public void removeMembership(int userId, int index) {
        write(() -> {
            UserRow row = rules.user(userId);
            rules.membershipIndex(row, index);
            if (row.memberships().size() == 1) {
                throw new IllegalStateException("a user keeps at least one membership");
            }
            List<Membership> list = new ArrayList<>(row.memberships());
            list.remove(index);
            changeMemberships(row, list);
        });
    }

    /** The user's memberships in order (the first one first). */
    public List<Membership> memberships(int userId) {
        return read(s -> rules.user(userId).memberships());
    }

    /** The whole organisation as it stands now: an immutable copy, taken under the read lock. */
    public OrganisationView view() {
        return read(OrganisationView::of);
    }

    public Summary summary() {
        return read(s -> {
            int departments = (int) s.units().stream().filter(u -> u.type() == UnitType.DEPARTMENT).count();
            int memberships = s.users().stream().mapToInt(u -> u.memberships().size()).sum();
            int maxLevel = s.units().stream().mapToInt(s::level).max().orElse(0);
            return new Summary(s.units().size(), departments, s.roles().size(), s.userIds(true).length,
                    s.userIds(false).length, s.anonymisedCount(), memberships, maxLevel);
        });
    }

    // ---- package-private access for the routes and the generator

    /** Runs a read under the read lock; {@code view} must not keep references to mutable state. */
    <T> T read(Function<OrgState, T> view) {
        lock.readLock().lock();
        try {
            return view.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A bulk load that fires no events (a data import, not a series of admin edits). */
    <T> T importSilently(Function<OrgState, T> work) {
        return write(() -> work.apply(state));
    }

    // ---- helpers

    private int addUnit(String name, int parentId, UnitType type) {
        return write(() -> {
            rules.text(name, "name");
            rules.parentUnit(parentId);
            UnitRow row = state.addUnit(name, parentId, type);
            fireUnit("unit.create", row);
            return row.id();
        });
    }

    private void setActive(int id, boolean active) {
        write(() -> {
            UserRow row = rules.user(id);
            if (!active) {
                rules.notAdmin(id);
            }
            if (row.active() != active) {
                UserRow changed = row.withActive(active);
                state.putUser(changed);
                fireUser("user.update", changed, false);
            }
        });
    }

    private void changeMemberships(UserRow row, List<Membership> memberships) {
        UserRow changed = row.withMemberships(memberships);
        state.putUser(changed);
        fireUser("user.update", changed, true);
    }

    private void fireUnit(String trigger, UnitRow row) {
        events.fire(trigger, false, () -> new UnitJson(state).delivery(row));
    }

    private void fireUser(String trigger, UserRow row, boolean membershipChange) {
        events.fire(trigger, membershipChange, () -> new UserJson(state).delivery(row));
    }

    private void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    private <T> T write(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
