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

    /** A user; memberships as {unitId, roleId...} arrays. */
    World person(long id, String email, boolean active, String language, long[]... memberships) {
        List<ZiikMembership> list = new ArrayList<>();
        for (long[] m : memberships) {
            List<ZiikRole> rs = new ArrayList<>();
            for (int i = 1; i < m.length; i++) {
                rs.add(roles.get(m[i]));
            }
            list.add(new ZiikMembership(m[0], "unit " + m[0], null, rs));
        }
        people.put(id, new ZiikPerson(new ZiikUser(id, "First" + id, "Last" + id, email, active, language), list));
        return this;
    }

    static long[] in(long unit, long... roleIds) {
        long[] m = new long[roleIds.length + 1];
        m[0] = unit;
        System.arraycopy(roleIds, 0, m, 1, roleIds.length);
        return m;
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

    static LbUser lb(String id, long ziikId, String email, boolean active, List<String> departments, List<String> types,
                     String jobProfile) {
        return new LbUser(id, "ziik:" + ziikId, email, "First" + ziikId, "Last" + ziikId, active, "en",
                departments, types, jobProfile);
    }
}
