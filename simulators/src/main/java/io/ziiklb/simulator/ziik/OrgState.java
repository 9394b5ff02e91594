package io.ziiklb.simulator.ziik;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The organisation's rows and the indexes kept in step with them (children per unit, members per
 * unit, emails, the active and inactive user lists). Primitive changes only, no validation and no
 * events: {@link ZiikOrganisation} validates, locks and fires. Not thread-safe.
 *
 * <p>Ids are allocated per kind from 1 and only grow, so the insertion-ordered maps are id-ordered.
 */
final class OrgState {
    private static final Comparator<UnitRow> TREE_ORDER =
            Comparator.comparing(UnitRow::name).thenComparingInt(UnitRow::id);

    private final Map<Integer, UnitRow> units = new LinkedHashMap<>();
    private final Map<Integer, List<Integer>> children = new HashMap<>();
    private final Map<Integer, RoleRow> roles = new LinkedHashMap<>();
    private final Map<Integer, UserRow> users = new LinkedHashMap<>();
    private final Set<Integer> anonymised = new HashSet<>();
    /** lower-case email → user id: Ziik's emails are unique regardless of case */
    private final Map<String, Integer> emails = new HashMap<>();
    /** unit id → memberships naming it as unit or department */
    private final Map<Integer, Integer> memberCounts = new HashMap<>();
    private final Credentials credentials = new Credentials();
    private int lastUnitId;
    private int lastRoleId;
    private int lastUserId;
    private int topUnitId;
    private int adminUserId;
    /** rebuilt lazily after a user change; readers share it under the read lock */
    private volatile UserLists userLists;

    private record UserLists(int[] active, int[] inactive) {
    }

    // ---- units

    UnitRow addUnit(String name, int parentId, UnitType type) {
        UnitRow row = new UnitRow(++lastUnitId, name, parentId, type, "");
        units.put(row.id(), row);
        if (row.isTop()) {
            topUnitId = row.id();
        } else {
            children.computeIfAbsent(parentId, k -> new ArrayList<>()).add(row.id());
        }
        return row;
    }

    void replaceUnit(UnitRow row) {
        UnitRow old = units.put(row.id(), row);
        if (old.parentId() != row.parentId()) {
            children.get(old.parentId()).remove(Integer.valueOf(row.id()));
            children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row.id());
        }
    }

    void removeUnit(int id) {
        UnitRow old = units.remove(id);
        children.get(old.parentId()).remove(Integer.valueOf(id));
        children.remove(id);
    }

    /** The unit, or null. */
    UnitRow unit(int id) {
        return units.get(id);
    }

    UnitRow topUnit() {
        return units.get(topUnitId);
    }

    Collection<UnitRow> units() {
        return units.values();
    }

    /** Distance from the top unit (level 0). */
    int level(UnitRow unit) {
        int level = 0;
        for (UnitRow u = unit; !u.isTop(); u = units.get(u.parentId())) {
            level++;
        }
        return level;
    }

    /** Direct children (units and departments), ordered by name as Ziik's tree is. */
    List<UnitRow> children(int unitId) {
        List<Integer> ids = children.getOrDefault(unitId, List.of());
        List<UnitRow> rows = new ArrayList<>(ids.size());
        ids.forEach(id -> rows.add(units.get(id)));
        rows.sort(TREE_ORDER);
        return rows;
    }

    int childCount(int unitId) {
        return children.getOrDefault(unitId, List.of()).size();
    }

    int descendantCount(int unitId) {
        int total = 0;
        for (int child : children.getOrDefault(unitId, List.of())) {
            total += 1 + descendantCount(child);
        }
        return total;
    }

    boolean isAncestorOrSelf(int ancestorId, int unitId) {
        for (UnitRow u = units.get(unitId); u != null; u = u.isTop() ? null : units.get(u.parentId())) {
            if (u.id() == ancestorId) {
                return true;
            }
        }
        return false;
    }

    /** Every unit, parents before children, siblings by name: the order of the flattened tree. */
    List<UnitRow> preorder() {
        List<UnitRow> out = new ArrayList<>(units.size());
        Deque<UnitRow> stack = new ArrayDeque<>();
        stack.push(topUnit());
        while (!stack.isEmpty()) {
            UnitRow u = stack.pop();
            out.add(u);
            List<UnitRow> kids = children(u.id());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }

    /** Memberships (of users not anonymised) naming this unit as their unit or department. */
    int memberCount(int unitId) {
        return memberCounts.getOrDefault(unitId, 0);
    }

    // ---- roles

    RoleRow addRole(String name) {
        RoleRow row = new RoleRow(++lastRoleId, name, "");
        roles.put(row.id(), row);
        return row;
    }

    void replaceRole(RoleRow row) {
        roles.put(row.id(), row);
    }

    /** Removes the role and takes it out of every membership that held it. */
    void removeRole(int id) {
        roles.remove(id);
        Integer boxed = id;
        for (UserRow user : List.copyOf(users.values())) {
            if (user.memberships().stream().anyMatch(m -> m.roleIds().contains(boxed))) {
                putUser(user.withMemberships(user.memberships().stream()
                        .map(m -> new Membership(m.unitId(), m.departmentId(),
                                m.roleIds().stream().filter(r -> !r.equals(boxed)).toList()))
                        .toList()));
            }
        }
    }

    /** The role, or null. */
    RoleRow role(int id) {
        return roles.get(id);
    }

    Collection<RoleRow> roles() {
        return roles.values();
    }

    // ---- users

    int nextUserId() {
        return ++lastUserId;
    }

    /** Adds or replaces a user, keeping the email and member indexes in step. */
    void putUser(UserRow row) {
        UserRow old = users.put(row.id(), row);
        if (old != null) {
            unindex(old);
        }
        emails.put(lower(row.email()), row.id());
        row.memberships().forEach(m -> countMembers(m, 1));
        userLists = null;
    }

    /** Removes the user's data for good; the id is remembered so reads can answer 410. */
    void anonymise(int id) {
        unindex(users.remove(id));
        credentials.forget(id);
        anonymised.add(id);
        userLists = null;
    }

    /** The user, or null when unknown or anonymised. */
    UserRow user(int id) {
        return users.get(id);
    }

    boolean isAnonymised(int id) {
        return anonymised.contains(id);
    }

    Collection<UserRow> users() {
        return users.values();
    }

    int anonymisedCount() {
        return anonymised.size();
    }

    /** A copy of the ids of anonymised users. */
    Set<Integer> anonymisedIds() {
        return Set.copyOf(anonymised);
    }

    /** The user holding this email in any case, or null. */
    Integer userByEmail(String email) {
        return emails.get(lower(email));
    }

    /** Ids of active (or deactivated) users in id order. */
    int[] userIds(boolean active) {
        UserLists lists = userLists;
        if (lists == null) {
            lists = new UserLists(
                    users.values().stream().filter(UserRow::active).mapToInt(UserRow::id).toArray(),
                    users.values().stream().filter(u -> !u.active()).mapToInt(UserRow::id).toArray());
            userLists = lists;
        }
        return active ? lists.active() : lists.inactive();
    }

    int adminUserId() {
        return adminUserId;
    }

    /** Passwords and administrator flags. */
    Credentials credentials() {
        return credentials;
    }

    void setAdminUserId(int id) {
        adminUserId = id;
    }

    private void unindex(UserRow old) {
        emails.remove(lower(old.email()));
        old.memberships().forEach(m -> countMembers(m, -1));
    }

    private void countMembers(Membership m, int delta) {
        memberCounts.merge(m.unitId(), delta, (a, b) -> a + b == 0 ? null : a + b);
        if (m.hasDepartment()) {
            memberCounts.merge(m.departmentId(), delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    private static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
