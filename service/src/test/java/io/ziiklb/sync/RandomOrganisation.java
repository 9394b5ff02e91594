package io.ziiklb.sync;

import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small random organisation in the Ziik simulator, what Learningbank already holds beside it,
 * and random changes to it, all from one seed.
 */
final class RandomOrganisation {
    static final String EXCLUDED = "owner@example.com";
    private static final String[] UNIT_NAMES = {"Kitchen", "Bar", "Floor", "Office", "Store", "Copenhagen", "Aarhus", "Sales"};
    private static final String[] ROLE_NAMES = {"Chef", "Waiter", "Host", "Manager", "Trainee", "Barista", "Cook", "Cleaner"};
    private static final String[] LANGUAGES = {"da", "da", "en", "en", "nb", "et", "de", "is", "kl"};

    private final ZiikOrganisation org;
    private final ZiikClient reader;
    private final Random random;
    private final boolean uniqueNames;
    private final Set<Long> deleted = new HashSet<>();
    private final Set<Long> synced = new HashSet<>();
    private final Map<Long, String> firstContact = new HashMap<>();
    private final Set<Long> touched = new HashSet<>();
    private final Set<String> everRoleNames = new HashSet<>();
    private int counter;
    private int owner;

    /** @param uniqueNames make unit names unique (needed while "unique units" is off) */
    RandomOrganisation(ZiikOrganisation org, ZiikClient reader, long seed, boolean uniqueNames) {
        this.org = org;
        this.reader = reader;
        this.random = new Random(seed);
        this.uniqueNames = uniqueNames;
    }

    /** Ziik users deleted after a synchronisation had made them. */
    Set<Long> gone() {
        Set<Long> gone = new HashSet<>(deleted);
        gone.retainAll(synced);
        return gone;
    }

    /** Ziik user → the Learningbank user that existed before and must be matched to it (P2). */
    Map<Long, String> firstContact() {
        return firstContact;
    }

    /** Call after each synchronisation: the users it saw now exist in Learningbank. */
    void synchronised() {
        org.userIds().forEach(id -> synced.add((long) id));
    }

    Set<String> everRoleNames() {
        return everRoleNames;
    }

    /** Builds the organisation, and seeds Learningbank with what it holds before any synchronisation. */
    void build(LearningbankState learningbank) {
        List<Integer> units = new ArrayList<>(List.of(org.topUnitId()));
        for (int i = 0, n = 3 + random.nextInt(12); i < n; i++) {
            int parent = units.get(random.nextInt(units.size()));
            if (random.nextInt(10) == 0) {
                org.createDepartment(unitName(), parent); // not mirrored; Ziik allows nothing under it
            } else {
                units.add(org.createUnit(unitName(), parent));
            }
        }
        createRole("Auditor"); // Learningbank already has a type of this name: adopted, never deleted
        for (String name : List.of("Chef", "Waiter", "Manager")) { // job profile and system type names
            if (random.nextBoolean()) {
                createRole(name);
            }
        }
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            createRole(ROLE_NAMES[random.nextInt(ROLE_NAMES.length)] + " " + ++counter);
        }
        for (int i = 0, n = 5 + random.nextInt(25); i < n; i++) {
            createUser();
        }
        owner = org.createUser(NewUser.of("Olga", "Owner", EXCLUDED, Membership.of(org.topUnitId())));
        String external = learningbank.seedDepartment("External Training", null);
        learningbank.seedDepartment("Onboarding", external);
        learningbank.seedPermissionType(random.nextBoolean() ? "Auditor" : "auditor");
        learningbank.seedJobProfile("Chef", false);
        learningbank.seedJobProfile("Waiter", false);
        learningbank.seedJobProfile("Host", true);
        String contentCreator = learningbank.findPermissionTypeByName("Content Creator").orElseThrow().id();
        learningbank.seedUser(io.ziiklb.simulator.learningbank.NewUser.of(null, "lb.only@example.com", "Lena", "Local",
                List.of(external)));
        learningbank.seedUser(io.ziiklb.simulator.learningbank.NewUser.of(null, EXCLUDED.toUpperCase(Locale.ROOT), "Olga",
                "Owner", List.of(external)).withPermissionTypeIds(List.of(contentCreator)));
        // an existing Learningbank user with a Ziik user's email (P2), with things ziiklb does not manage
        int someone = org.userIds().stream().filter(id -> id != owner && id != org.adminUserId()).findFirst().orElseThrow();
        String email = reader.user(someone).orElseThrow().email();
        firstContact.put((long) someone, learningbank.seedUser(io.ziiklb.simulator.learningbank.NewUser.of(null,
                email.toUpperCase(Locale.ROOT), "Pre", "Existing", List.of(external)).withPermissionTypeIds(List.of(contentCreator))));
    }

    /**
     * Users changed by {@link #changeUsers} or {@link #change} since the last call of this; not the
     * members that deleting a unit moves out (in Ziik such moves fire no webhook).
     */
    Set<Long> takeTouched() {
        Set<Long> taken = new HashSet<>(touched);
        touched.clear();
        return taken;
    }

    /**
     * Applies {@code count} random changes to users only (create, update, deactivate, reactivate,
     * delete, memberships), remembering which users they touched.
     */
    void changeUsers(int count) {
        for (int i = 0; i < count; i++) {
            try {
                List<Integer> users = org.userIds().stream().filter(id -> id != org.adminUserId() && id != owner).toList();
                List<Integer> roles = org.roleIds();
                List<ZiikUnit> mirrored = reader.units().stream().filter(ZiikUnit::mirrored).toList();
                int unit = (int) mirrored.get(random.nextInt(mirrored.size())).id();
                int user = pick(users);
                switch (random.nextInt(8)) {
                    case 0 -> {
                        int before = org.userIds().size();
                        createUser();
                        org.userIds().stream().skip(before).forEach(id -> touched.add((long) id));
                        continue;
                    }
                    case 1 -> updateSomeUser(List.of(user));
                    case 2 -> org.deactivateUser(user);
                    case 3 -> org.reactivateUser(user);
                    case 4 -> {
                        org.deleteUser(user);
                        deleted.add((long) user);
                    }
                    case 5 -> org.addMembership(user, Membership.of(unit, someRoles(roles)));
                    case 6 -> replaceSomeMembership(List.of(user), unit, roles);
                    default -> removeSomeMembership(List.of(user));
                }
                touched.add((long) user);
            } catch (IllegalStateException | IllegalArgumentException | java.util.NoSuchElementException refusedByZiik) {
                // Ziik refused: nothing changed
            }
        }
    }

    /** Applies {@code count} random changes. */
    void change(int count) {
        for (int i = 0; i < count; i++) {
            try {
                changeOnce();
            } catch (IllegalStateException | IllegalArgumentException | java.util.NoSuchElementException refusedByZiik) {
                // e.g. deleting a unit that still has members: Ziik refuses, the organisation is unchanged
            }
        }
    }

    private void changeOnce() {
        List<ZiikUnit> units = reader.units();
        List<ZiikUnit> belowTop = units.stream().filter(u -> !u.isTop()).toList();
        List<Integer> users = org.userIds().stream().filter(id -> id != org.adminUserId()).toList();
        List<Integer> roles = org.roleIds();
        List<ZiikUnit> mirrored = units.stream().filter(ZiikUnit::mirrored).toList();
        int anyUnit = (int) mirrored.get(random.nextInt(mirrored.size())).id();
        switch (random.nextInt(15)) {
            case 0 -> org.createUnit(unitName(), anyUnit);
            case 1 -> org.renameUnit(pickUnit(belowTop), unitName());
            case 2 -> moveSomeUnit(units, belowTop);
            case 3 -> deleteSomeLeaf(units, belowTop);
            case 4 -> createRole(ROLE_NAMES[random.nextInt(ROLE_NAMES.length)] + " " + ++counter);
            case 5 -> renameSomeRole(roles);
            case 6 -> deleteSomeRole(roles);
            case 7 -> {
                int before = org.userIds().size();
                createUser();
                org.userIds().stream().skip(before).forEach(id -> touched.add((long) id));
            }
            case 8 -> touched.add((long) updateSomeUser(users));
            case 9 -> touched.add((long) deactivate(pick(users)));
            case 10 -> touched.add((long) reactivate(pick(users)));
            case 11 -> touched.add((long) deleteSomeUser(users));
            case 12 -> touched.add((long) addMembership(pick(users), Membership.of(anyUnit, someRoles(roles))));
            case 13 -> touched.add((long) replaceSomeMembership(users, anyUnit, roles));
            default -> touched.add((long) removeSomeMembership(users));
        }
    }

    private int deactivate(int user) {
        org.deactivateUser(user);
        return user;
    }

    private int reactivate(int user) {
        org.reactivateUser(user);
        return user;
    }

    private int addMembership(int user, Membership membership) {
        org.addMembership(user, membership);
        return user;
    }

    private void createRole(String name) {
        org.createRole(name);
        everRoleNames.add(name.toLowerCase(Locale.ROOT));
    }

    private void createUser() {
        int n = ++counter;
        List<Integer> roles = org.roleIds();
        String email = (random.nextBoolean() ? "User" : "user") + n + "@example.com";
        Membership first = Membership.of(randomUnit(), someRoles(roles));
        NewUser user = NewUser.of("First" + n, "Last" + n, email, first).withLanguage(LANGUAGES[random.nextInt(LANGUAGES.length)]);
        int id = org.createUser(user);
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            try {
                org.addMembership(id, Membership.of(randomUnit(), someRoles(roles)));
            } catch (IllegalArgumentException alreadyAMember) {
                // Ziik has one membership per unit
            }
        }
        if (random.nextInt(8) == 0) {
            org.deactivateUser(id);
        }
    }

    /** A unit of type unit: memberships and sub-units go there, not in departments. */
    private int randomUnit() {
        List<ZiikUnit> units = reader.units().stream().filter(ZiikUnit::mirrored).toList();
        return (int) units.get(random.nextInt(units.size())).id();
    }

    private int[] someRoles(List<Integer> roles) {
        int n = roles.isEmpty() ? 0 : random.nextInt(3);
        int[] picked = new int[n];
        for (int i = 0; i < n; i++) {
            picked[i] = roles.get(random.nextInt(roles.size()));
        }
        return java.util.Arrays.stream(picked).distinct().toArray();
    }

    private int updateSomeUser(List<Integer> users) {
        int id = pick(users);
        UserUpdate update = switch (random.nextInt(3)) {
            case 0 -> UserUpdate.none().withName("Renamed" + ++counter, "Person" + counter);
            case 1 -> UserUpdate.none().withEmail("changed" + ++counter + "@example.com");
            default -> UserUpdate.none().withLanguage(LANGUAGES[random.nextInt(LANGUAGES.length)]);
        };
        if (!EXCLUDED.equals(reader.user(id).map(io.ziiklb.ziik.ZiikUser::email).orElse(null))) {
            org.updateUser(id, update);
        }
        return id;
    }

    private int deleteSomeUser(List<Integer> users) {
        int id = pick(users);
        org.deleteUser(id);
        if (id != owner) { // excluded (P8): never made in Learningbank, so not "gone" there either
            deleted.add((long) id);
        }
        return id;
    }

    private void moveSomeUnit(List<ZiikUnit> units, List<ZiikUnit> belowTop) {
        int moving = pickUnit(belowTop);
        Map<Long, Long> parents = new HashMap<>();
        units.forEach(u -> parents.put(u.id(), u.parentId()));
        List<ZiikUnit> targets = units.stream().filter(u -> !descendsFrom(u.id(), moving, parents) && u.unitType().equals("unit")).toList();
        org.moveUnit(moving, (int) targets.get(random.nextInt(targets.size())).id());
    }

    private static boolean descendsFrom(long unit, long ancestor, Map<Long, Long> parents) {
        for (Long at = unit; at != null; at = parents.get(at)) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Moves the leaf's members out (to its parent when it was their only membership), then deletes it. */
    private void deleteSomeLeaf(List<ZiikUnit> units, List<ZiikUnit> belowTop) {
        Set<Long> parentsOfSomething = new HashSet<>();
        units.forEach(u -> parentsOfSomething.add(u.parentId()));
        List<ZiikUnit> leaves = belowTop.stream().filter(u -> !parentsOfSomething.contains(u.id())).toList();
        if (leaves.isEmpty()) {
            return;
        }
        ZiikUnit leaf = leaves.get(random.nextInt(leaves.size()));
        for (int user : org.userIds()) {
            List<Membership> memberships = org.memberships(user);
            for (int i = memberships.size() - 1; i >= 0; i--) {
                Membership m = memberships.get(i);
                if (m.unitId() == leaf.id() || m.departmentId() == leaf.id()) {
                    if (org.memberships(user).size() > 1) {
                        org.removeMembership(user, i);
                    } else {
                        org.replaceMembership(user, i, new Membership(leaf.parentId().intValue(), 0, m.roleIds()));
                    }
                }
            }
        }
        org.deleteUnit((int) leaf.id());
    }

    private void renameSomeRole(List<Integer> roles) {
        int role = pickRole(roles);
        if (role > 0) {
            String name = ROLE_NAMES[random.nextInt(ROLE_NAMES.length)] + " " + ++counter;
            org.renameRole(role, name);
            everRoleNames.add(name.toLowerCase(Locale.ROOT));
        }
    }

    private void deleteSomeRole(List<Integer> roles) {
        int role = pickRole(roles);
        if (role > 0) {
            org.deleteRole(role);
        }
    }

    /** A role other than Auditor and the admin's Administrator, or 0. */
    private int pickRole(List<Integer> roles) {
        List<Integer> candidates = reader.roles().stream()
                .filter(r -> !r.name().equals("Auditor") && !r.name().equals("Administrator"))
                .map(r -> (int) r.id()).filter(roles::contains).toList();
        return candidates.isEmpty() ? 0 : pick(candidates);
    }

    private int replaceSomeMembership(List<Integer> users, int unit, List<Integer> roles) {
        int user = pick(users);
        int index = random.nextInt(org.memberships(user).size());
        org.replaceMembership(user, index, Membership.of(unit, someRoles(roles)));
        return user;
    }

    private int removeSomeMembership(List<Integer> users) {
        int user = pick(users);
        int count = org.memberships(user).size();
        if (count > 1) {
            org.removeMembership(user, random.nextInt(count));
        }
        return user;
    }

    private String unitName() {
        String name = UNIT_NAMES[random.nextInt(UNIT_NAMES.length)];
        return uniqueNames ? name + " " + ++counter : name;
    }

    private int pickUnit(List<ZiikUnit> belowTop) {
        return (int) belowTop.get(random.nextInt(belowTop.size())).id();
    }

    private int pick(List<Integer> ids) {
        return ids.get(random.nextInt(ids.size()));
    }
}
