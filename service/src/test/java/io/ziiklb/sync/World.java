package io.ziiklb.sync;

import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import io.ziiklb.ziik.ZiikUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds small Ziik and Learningbank states and links for planner tests. */
final class World {
    final List<ZiikUnit> units = new ArrayList<>();
    final Map<Long, ZiikRole> roles = new LinkedHashMap<>();
    final Map<Long, ZiikPerson> people = new LinkedHashMap<>();
    final List<LbDepartment> departments = new ArrayList<>(List.of(new LbDepartment("d-top", "Acme", null, true)));
    final List<LbPermissionType> types = new ArrayList<>(List.of(
            new LbPermissionType("pt-owner", "Owner", false, true),
            new LbPermissionType("pt-manager", "Manager", false, true),
            new LbPermissionType("pt-cc", "Content Creator", false, true),
            new LbPermissionType("pt-user", "User", true, true)));
    final List<LbJobProfile> profiles = new ArrayList<>();
    final List<LbUser> users = new ArrayList<>();
    final Map<Long, String> unitLinks = new HashMap<>();
    final Map<Long, Links.RoleLink> roleLinks = new HashMap<>();
    final Map<Long, String> userLinks = new HashMap<>();
    SyncSettings settings = SyncSettings.defaults();

    World() {
        units.add(new ZiikUnit(1, "HQ", null, 0, "unit", null));
    }

    World unit(long id, String name, long parent) {
        return unit(id, name, parent, "unit");
    }

    World unit(long id, String name, long parent, String type) {
        units.add(new ZiikUnit(id, name, parent, 0, type, null));
        return this;
    }

    World role(long id, String name) {
        roles.put(id, new ZiikRole(id, name));
        return this;
    }

    /**
     * One membership as Ziik has it: a unit ({@code unit_type: unit}), optionally one of that
     * unit's departments ({@code unit_type: department}, whose parent is the unit), and roles.
     */
    record Membership(long unit, Long department, long... roleIds) {
    }

    /** A user with memberships in Ziik's order. */
    World person(long id, String email, boolean active, String language, Membership... memberships) {
        List<ZiikMembership> list = new ArrayList<>();
        for (Membership m : memberships) {
            List<ZiikRole> rs = new ArrayList<>();
            for (long roleId : m.roleIds()) {
                rs.add(roles.get(roleId));
            }
            list.add(new ZiikMembership(m.unit(), "unit " + m.unit(), m.department(), rs));
        }
        people.put(id, new ZiikPerson(new ZiikUser(id, "First" + id, "Last" + id, email, active, language), list));
        return this;
    }

    /** A membership of {@code unit} with these roles and no department. */
    static Membership in(long unit, long... roleIds) {
        return new Membership(unit, null, roleIds);
    }

    /** A membership of {@code unit} and its department {@code department}, with these roles. */
    static Membership inDepartment(long unit, long department, long... roleIds) {
        return new Membership(unit, department, roleIds);
    }

    World department(String id, String name, String parent) {
        departments.add(new LbDepartment(id, name, parent, false));
        return this;
    }

    World type(String id, String name) {
        types.add(new LbPermissionType(id, name, false, false));
        return this;
    }

    World profile(String id, String name) {
        profiles.add(new LbJobProfile(id, name, false));
        return this;
    }

    World lbUser(LbUser user) {
        users.add(user);
        return this;
    }

    World linkUnit(long unit, String department) {
        unitLinks.put(unit, department);
        return this;
    }

    World linkRole(long role, String type, boolean adopted) {
        roleLinks.put(role, new Links.RoleLink(type, adopted));
        return this;
    }

    World linkUser(long user, String lbUser) {
        userLinks.put(user, lbUser);
        return this;
    }

    Plan plan() {
        return Planner.full(new ZiikSnapshot(units, List.copyOf(roles.values()), people),
                new LbSnapshot(departments, types, profiles, users),
                new Links(unitLinks, roleLinks, userLinks), settings);
    }

    /** The unit tree between full synchronisations ({@link Planner#units}): Ziik's roles and LB's types unused. */
    Plan unitsPlan() {
        return Planner.units(new ZiikSnapshot(units, List.of(), people),
                new LbSnapshot(departments, List.of(), profiles, users),
                new Links(unitLinks, roleLinks, userLinks), settings);
    }

    /** One user between full synchronisations ({@link Planner#user}); absent from {@link #people} when gone. */
    Plan userPlan(long ziikUserId) {
        return Planner.user(ziikUserId, Optional.ofNullable(people.get(ziikUserId)),
                new LbSnapshot(List.of(), List.of(), profiles, users),
                new Links(unitLinks, roleLinks, userLinks), new UnitTree(units), settings);
    }

    /** The roles alone, as they are polled ({@link Planner#roles}). */
    Plan rolesPlan() {
        return Planner.roles(List.copyOf(roles.values()), types, roleLinks);
    }

    static LbUser lb(String id, long ziikId, String email, boolean active, List<String> departments, List<String> types,
                     String jobProfile) {
        return new LbUser(id, "ziik:" + ziikId, email, "First" + ziikId, "Last" + ziikId, active, "en",
                departments, types, jobProfile);
    }
}
