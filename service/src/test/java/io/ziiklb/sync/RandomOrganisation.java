package io.ziiklb.sync;

import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.OrganisationView;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

/**
 * A small random organisation in the Ziik simulator, what Learningbank already holds beside it,
 * and random changes to it, all from one seed. Besides the everyday changes it makes the hard
 * cases of the rules when asked ({@link Options}): units whose name an unlinked Learningbank
 * department holds (U6), memberships naming a Ziik department, renames and deletes of roles whose
 * type was adopted (R2), and deletions large enough to trip the deletion guard (L6). What it did,
 * and what Ziik refused, is counted in {@link #counts()}. It reads Ziik only through the
 * simulator's own view, never through the service's client.
 */
final class RandomOrganisation {
    static final String EXCLUDED = "owner@example.com";
    private static final String[] UNIT_NAMES = {"Kitchen", "Bar", "Floor", "Office", "Store", "Copenhagen", "Aarhus", "Sales"};
    private static final String[] ROLE_NAMES = {"Chef", "Waiter", "Host", "Manager", "Trainee", "Barista", "Cook", "Cleaner"};
    private static final String[] LANGUAGES = {"da", "da", "en", "en", "nb", "et", "de", "is", "kl"};
    /** Names of the departments Learningbank holds before, that units are given to make U6 conflicts. */
    private static final String[] TAKEN = {"Library", "Lounge", "External Training", "Onboarding"};
    /** Learningbank's job profiles (P5), seeded by {@link #build}. */
    private static final String[] JOB_PROFILES = {"Chef", "Waiter", "Host"};
    /** Roles whose type Learningbank already has (R2), renamed and deleted by the changes. */
    private static final String[] ADOPTABLE = {"Supervisor", "Trainer"};

    /**
     * What to make.
     *
     * @param uniqueNames       append a counter to unit names (needed while "unique units" is off)
     * @param conflictsAtBuild  give some units built now a name Learningbank's own departments hold
     *                          (only while unique units is off at the first synchronisation)
     * @param conflictsInChange the same for units the changes create
     * @param bigOrganisation   enough users and a branch of empty leaf units for {@link #largeDeletion}
     */
    record Options(boolean uniqueNames, boolean conflictsAtBuild, boolean conflictsInChange, boolean bigOrganisation) {
        static Options plain(boolean uniqueNames) {
            return new Options(uniqueNames, false, false, false);
        }
    }

    /** What the organisation did; refused counts the changes Ziik refused (each left Ziik as it was). */
    record Counts(int nameConflicts, int departmentMemberships, int adoptedRenames, int adoptedDeletes,
                  int largeDeletions, int reorders, int refused, int changes) {
        Counts plus(Counts o) {
            return new Counts(nameConflicts + o.nameConflicts, departmentMemberships + o.departmentMemberships,
                    adoptedRenames + o.adoptedRenames, adoptedDeletes + o.adoptedDeletes, largeDeletions + o.largeDeletions,
                    reorders + o.reorders, refused + o.refused, changes + o.changes);
        }

        static Counts zero() {
            return new Counts(0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    private final ZiikOrganisation org;
    private final Random random;
    private final Options options;
    private final Set<Long> synced = new HashSet<>();
    private final Map<Long, String> firstContact = new HashMap<>();
    private final Set<Long> touched = new HashSet<>();
    private final Map<Integer, List<String>> roleNames = new LinkedHashMap<>();
    private final Set<Integer> adoptable = new HashSet<>();
    private final Set<Integer> leafBranch = new HashSet<>();
    private final List<String> refusals = new ArrayList<>();
    private int counter;
    private int owner;
    private int nameConflicts;
    private int departmentMemberships;
    private int adoptedRenames;
    private int adoptedDeletes;
    private int largeDeletions;
    private int changes;
    private int reorders;

    RandomOrganisation(ZiikOrganisation org, long seed, Options options) {
        this.org = org;
        this.random = new Random(seed);
        this.options = options;
        org.view().roles().forEach(r -> roleNames.put(r.id(), new ArrayList<>(List.of(r.name()))));
    }

    Counts counts() {
        return new Counts(nameConflicts, departmentMemberships, adoptedRenames, adoptedDeletes, largeDeletions,
                reorders, refusals.size(), changes);
    }

    /** Why Ziik refused each refused change, for a failure message. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Ziik user → the Learningbank user that existed before and must be matched to it (P2). */
    Map<Long, String> firstContact() {
        return firstContact;
    }

    /** Call after each synchronisation: the users it saw now exist in Learningbank. */
    void synchronised() {
        org.userIds().forEach(id -> synced.add((long) id));
    }

    /** Every name each role has had, first to last, deleted roles included (who adopted which type, R2). */
    Map<Integer, List<String>> roleNames() {
        Map<Integer, List<String>> copy = new LinkedHashMap<>();
        roleNames.forEach((id, names) -> copy.put(id, List.copyOf(names)));
        return copy;
    }

    /** Builds the organisation, and seeds Learningbank with what it holds before any synchronisation. */
    void build(LearningbankState learningbank) {
        List<Integer> units = new ArrayList<>(List.of(org.topUnitId()));
        for (int i = 0, n = 3 + random.nextInt(12); i < n; i++) {
            int parent = units.get(random.nextInt(units.size()));
            if (random.nextInt(6) == 0) {
                org.createDepartment(unitName(), parent); // a Ziik department: not mirrored, members count for its unit
            } else {
                units.add(org.createUnit(unitName(), parent));
            }
        }
        // at least one Ziik department, so that memberships can name one
        org.createDepartment(unitName(), units.get(random.nextInt(units.size())));
        if (options.bigOrganisation()) { // a branch of empty leaves: deleting them all trips the guard
            int branch = org.createUnit(unitName(), org.topUnitId());
            for (int i = 0; i < 12; i++) {
                leafBranch.add(org.createUnit(unitName(), branch));
            }
        }
        String external = learningbank.seedDepartment("External Training", null);
        learningbank.seedDepartment("Onboarding", external);
        learningbank.seedDepartment("Library", null);
        learningbank.seedDepartment("lounge", null); // names are compared case-insensitively
        if (options.conflictsAtBuild()) {
            // U6: a unit under the top, where Learningbank's own department of that name is too, and one deeper
            conflictingUnit(org.topUnitId(), "Library");
            conflictingUnit(units.get(random.nextInt(units.size())), random.nextBoolean() ? "Lounge" : "onboarding");
        }
        createRole("Auditor"); // Learningbank already has a type of this name: adopted, never deleted
        for (String name : ADOPTABLE) {
            adoptable.add(createRole(name));
            learningbank.seedPermissionType(random.nextBoolean() ? name : name.toLowerCase(Locale.ROOT));
        }
        for (String name : List.of("Chef", "Waiter", "Manager")) { // job profile and system type names
            if (random.nextBoolean()) {
                createRole(name);
            }
        }
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            createRole(ROLE_NAMES[random.nextInt(ROLE_NAMES.length)] + " " + ++counter);
        }
        for (int i = 0, n = options.bigOrganisation() ? 25 + random.nextInt(10) : 5 + random.nextInt(25); i < n; i++) {
            createUser();
        }
        owner = org.createUser(NewUser.of("Olga", "Owner", EXCLUDED, Membership.of(org.topUnitId())));
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
        String email = org.view().user(someone).orElseThrow().email();
        firstContact.put((long) someone, learningbank.seedUser(io.ziiklb.simulator.learningbank.NewUser.of(null,
                email.toUpperCase(Locale.ROOT), "Pre", "Existing", List.of(external)).withPermissionTypeIds(List.of(contentCreator))));
    }

    private void conflictingUnit(int parent, String name) {
        org.createUnit(name, parent);
        nameConflicts++;
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
            attempt(() -> {
                List<Integer> users = org.userIds().stream().filter(id -> id != org.adminUserId() && id != owner).toList();
                int user = pick(users);
                switch (random.nextInt(9)) {
                    case 8 -> touched.add((long) rotateMemberships(List.of(user)));
                    case 0 -> createAndTouchUser();
                    case 1 -> touched.add((long) updateSomeUser(List.of(user)));
                    case 2 -> touched.add((long) deactivate(user));
                    case 3 -> touched.add((long) reactivate(user));
                    case 4 -> touched.add((long) deleteUser(user));
                    case 5 -> touched.add((long) addMembership(user, someMembership()));
                    case 6 -> touched.add((long) replaceSomeMembership(List.of(user)));
                    default -> touched.add((long) removeSomeMembership(List.of(user)));
                }
            });
        }
    }

    /** Applies {@code count} random changes of every kind. */
    void change(int count) {
        for (int i = 0; i < count; i++) {
            attempt(this::changeOnce);
        }
    }

    /**
     * L6: deletes or deactivates more than 30% of the users (at least 10), or deletes the branch of
     * twelve empty leaf units: enough to trip the deletion guard. Needs {@link Options#bigOrganisation()}.
     *
     * @return whether it was large enough (the organisation may have lost too much to the random changes)
     */
    boolean largeDeletion() {
        if (!options.bigOrganisation()) {
            throw new IllegalStateException("a large deletion needs a big organisation");
        }
        int before = refusals.size();
        List<Integer> leaves = leafBranch.stream().filter(id -> org.unitIds().contains(id)).sorted().toList();
        boolean made;
        if (leaves.size() >= 10 && random.nextBoolean()) {
            leaves.forEach(leaf -> attempt(() -> org.deleteUnit(leaf)));
            made = leaves.size() >= 10;
        } else { // users the last synchronisation made active: each one is a deactivation
            OrganisationView view = org.view();
            List<Integer> users = new ArrayList<>(view.users().stream().filter(OrganisationView.User::active)
                    .map(OrganisationView.User::id).filter(id -> synced.contains((long) id))
                    .filter(id -> id != org.adminUserId() && id != owner && !firstContact.containsKey((long) id)).toList());
            java.util.Collections.shuffle(users, random);
            int needed = Math.max(10, synced.size() * 3 / 10 + 1);
            int n = Math.min(users.size(), needed);
            users.subList(0, n).forEach(user -> attempt(() -> touched.add((long) (random.nextBoolean() ? deactivate(user) : deleteUser(user)))));
            made = n == needed;
        }
        made &= refusals.size() == before;
        largeDeletions += made ? 1 : 0;
        return made;
    }

    /** Runs one change; a change Ziik refuses is counted (with its reason), not ignored. */
    private void attempt(Runnable change) {
        changes++;
        try {
            change.run();
        } catch (IllegalStateException | IllegalArgumentException | NoSuchElementException refused) {
            refusals.add(refused.getMessage());
        }
    }

    private void changeOnce() {
        OrganisationView view = org.view();
        List<OrganisationView.Unit> belowTop = view.units().stream().filter(u -> !u.isTop()).toList();
        List<Integer> users = org.userIds().stream().filter(id -> id != org.adminUserId()).toList();
        switch (random.nextInt(20)) {
            case 19 -> touched.add((long) rotateMemberships(users));
            case 0 -> org.createUnit(unitName(), parentForNewUnit(view));
            case 1 -> org.renameUnit(pickUnit(belowTop), unitName());
            case 2 -> moveSomeUnit(view, belowTop);
            case 3 -> deleteSomeLeaf(view, belowTop);
            case 4 -> createRole(ROLE_NAMES[random.nextInt(ROLE_NAMES.length)] + " " + ++counter);
            case 5 -> renameSomeRole(pickRole(view, false));
            case 6 -> deleteSomeRole(pickRole(view, false));
            case 7 -> createAndTouchUser();
            case 8 -> touched.add((long) updateSomeUser(users));
            case 9 -> touched.add((long) deactivate(pick(users)));
            case 10 -> touched.add((long) reactivate(pick(users)));
            case 11 -> touched.add((long) deleteSomeUser(users));
            case 12 -> touched.add((long) addMembership(pick(users), someMembership()));
            case 13 -> touched.add((long) replaceSomeMembership(users));
            case 14 -> touched.add((long) removeSomeMembership(users));
            case 15 -> { // R2: an adopted type is renamed with its role
                int role = pickRole(view, true);
                renameSomeRole(role);
                adoptedRenames += role > 0 ? 1 : 0;
            }
            case 16 -> { // R2: a deleted role only unlinks its adopted type
                int role = pickRole(view, true);
                deleteSomeRole(role);
                adoptedDeletes += role > 0 ? 1 : 0;
            }
            case 17 -> { // U6 for a unit created now, if allowed
                if (options.conflictsInChange()) {
                    conflictingUnit(parentForNewUnit(view), TAKEN[random.nextInt(TAKEN.length)]);
                } else {
                    org.createUnit(unitName(), parentForNewUnit(view));
                }
            }
            default -> { // a membership naming a Ziik department
                Membership m = departmentMembership(view);
                if (m != null) {
                    touched.add((long) addMembership(pick(users), m));
                }
            }
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
        if (membership.hasDepartment()) {
            departmentMemberships++;
        }
        return user;
    }

    private int deleteUser(int user) {
        org.deleteUser(user);
        return user;
    }

    private int createRole(String name) {
        int id = org.createRole(name);
        roleNames.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
        return id;
    }

    private void createAndTouchUser() {
        touched.add((long) createUser());
    }

    private int createUser() {
        int n = ++counter;
        String email = (random.nextBoolean() ? "User" : "user") + n + "@example.com";
        NewUser user = NewUser.of("First" + n, "Last" + n, email, someMembership())
                .withLanguage(LANGUAGES[random.nextInt(LANGUAGES.length)]);
        int id = org.createUser(user);
        if (user.membership().hasDepartment()) {
            departmentMemberships++;
        }
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            attempt(() -> addMembership(id, someMembership())); // Ziik has one membership per unit: may be refused
        }
        if (random.nextInt(8) == 0) {
            org.deactivateUser(id);
        }
        return id;
    }

    /** A membership of a unit (of type unit), now and then naming one of its Ziik departments. */
    private Membership someMembership() {
        OrganisationView view = org.view();
        if (random.nextInt(4) == 0) {
            Membership m = departmentMembership(view);
            if (m != null) {
                return m;
            }
        }
        List<OrganisationView.Unit> units = view.units().stream()
                .filter(u -> !u.isDepartment() && !leafBranch.contains(u.id())).toList();
        return Membership.of(units.get(random.nextInt(units.size())).id(), someRoles(view));
    }

    /** A membership of the unit above a random Ziik department, in that department; null when Ziik has none. */
    private Membership departmentMembership(OrganisationView view) {
        List<OrganisationView.Unit> departments = view.units().stream().filter(OrganisationView.Unit::isDepartment).toList();
        if (departments.isEmpty()) {
            return null;
        }
        OrganisationView.Unit department = departments.get(random.nextInt(departments.size()));
        return Membership.of(department.parentId(), someRoles(view)).inDepartment(department.id());
    }

    private int[] someRoles(OrganisationView view) {
        List<OrganisationView.Role> roles = view.roles();
        int n = roles.isEmpty() ? 0 : random.nextInt(3);
        int[] picked = new int[n];
        for (int i = 0; i < n; i++) {
            picked[i] = roles.get(random.nextInt(roles.size())).id();
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
        if (id != owner) { // the excluded owner keeps the address that excludes it
            org.updateUser(id, update);
        }
        return id;
    }

    private int deleteSomeUser(List<Integer> users) {
        int id = pick(users);
        org.deleteUser(id);
        return id;
    }

    /** A unit (of type unit) that is not in a name conflict: the rules say nothing of units below one. */
    private int parentForNewUnit(OrganisationView view) {
        List<OrganisationView.Unit> parents = view.units().stream()
                .filter(u -> !u.isDepartment() && !isTakenName(u.name()) && !leafBranch.contains(u.id())).toList();
        return parents.get(random.nextInt(parents.size())).id();
    }

    private static boolean isTakenName(String name) {
        for (String taken : TAKEN) {
            if (taken.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private void moveSomeUnit(OrganisationView view, List<OrganisationView.Unit> belowTop) {
        int moving = pickUnit(belowTop);
        Map<Integer, OrganisationView.Unit> units = view.unitsById();
        List<OrganisationView.Unit> targets = view.units().stream()
                .filter(u -> !descendsFrom(u.id(), moving, units) && !u.isDepartment() && !isTakenName(u.name())
                        && !leafBranch.contains(u.id())).toList();
        org.moveUnit(moving, targets.get(random.nextInt(targets.size())).id());
    }

    private static boolean descendsFrom(int unit, int ancestor, Map<Integer, OrganisationView.Unit> units) {
        for (Integer at = unit; at != null; at = units.get(at).parentId()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the leaf's members out, then deletes it. Out of a Ziik department a member keeps the
     * membership of its unit (the department is only dropped from it: nothing changes for
     * Learningbank); out of a unit the membership goes, or moves to the parent when it was the
     * only one (the tree reconcile moves those users, whose department is deleted).
     */
    private void deleteSomeLeaf(OrganisationView view, List<OrganisationView.Unit> belowTop) {
        Set<Integer> parentsOfSomething = new HashSet<>();
        view.units().forEach(u -> parentsOfSomething.add(u.parentId()));
        List<OrganisationView.Unit> leaves = belowTop.stream().filter(u -> !parentsOfSomething.contains(u.id())).toList();
        if (leaves.isEmpty()) {
            return;
        }
        OrganisationView.Unit leaf = leaves.get(random.nextInt(leaves.size()));
        for (int user : org.userIds()) {
            List<Membership> memberships = org.memberships(user);
            for (int i = memberships.size() - 1; i >= 0; i--) {
                Membership m = memberships.get(i);
                if (m.departmentId() == leaf.id()) {
                    org.replaceMembership(user, i, new Membership(m.unitId(), 0, m.roleIds()));
                } else if (m.unitId() == leaf.id()) {
                    if (isTakenName(leaf.name())) {
                        // a unit in a name conflict has no department whose deletion would reach its members;
                        // in Ziik only a membership webhook (or the next full sync) would: count them as touched
                        touched.add((long) user);
                    }
                    if (org.memberships(user).size() > 1) {
                        org.removeMembership(user, i);
                    } else {
                        org.replaceMembership(user, i, new Membership(leaf.parentId(), 0, m.roleIds()));
                    }
                }
            }
        }
        org.deleteUnit(leaf.id());
    }

    private void renameSomeRole(int role) {
        if (role > 0) {
            String name = ROLE_NAMES[random.nextInt(ROLE_NAMES.length)] + " " + ++counter;
            String profile = JOB_PROFILES[random.nextInt(JOB_PROFILES.length)];
            if (random.nextInt(4) == 0 && !adoptable.contains(role)
                    && org.view().roles().stream().noneMatch(r -> r.name().equalsIgnoreCase(profile))) {
                name = profile; // P5: the role's holders now match a job profile, with no change of their own
            }
            String was = org.view().role(role).orElseThrow().name();
            org.renameRole(role, name);
            // a role made beside this generator (OrganisationGenerator.populate, as the soak does) has no history yet
            roleNames.computeIfAbsent(role, id -> new ArrayList<>(List.of(was))).add(name);
        }
    }

    private void deleteSomeRole(int role) {
        if (role > 0) {
            org.deleteRole(role);
        }
    }

    /**
     * A role to rename or delete, or 0: one whose type was adopted (R2), or else any but Auditor,
     * the admin's Administrator and Manager (a system type's name, which Learningbank never renames).
     */
    private int pickRole(OrganisationView view, boolean adopted) {
        List<Integer> candidates = view.roles().stream()
                .filter(r -> adopted ? adoptable.contains(r.id())
                        : !adoptable.contains(r.id()) && !Set.of("Auditor", "Administrator", "Manager").contains(r.name()))
                .map(OrganisationView.Role::id).toList();
        return candidates.isEmpty() ? 0 : pick(candidates);
    }

    private int replaceSomeMembership(List<Integer> users) {
        int user = pick(users);
        int index = random.nextInt(org.memberships(user).size());
        Membership m = someMembership();
        org.replaceMembership(user, index, m);
        if (m.hasDepartment()) {
            departmentMemberships++;
        }
        return user;
    }

    /** The same units in another order (P3 keeps Ziik's order): the first membership goes to the end. */
    private int rotateMemberships(List<Integer> users) {
        int user = pick(users);
        List<Membership> memberships = org.memberships(user);
        if (memberships.size() > 1) {
            org.removeMembership(user, 0);
            org.addMembership(user, memberships.getFirst());
            reorders++;
        }
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
        return options.uniqueNames() ? name + " " + ++counter : name;
    }

    private int pickUnit(List<OrganisationView.Unit> belowTop) {
        return belowTop.get(random.nextInt(belowTop.size())).id();
    }

    private int pick(List<Integer> ids) {
        return ids.get(random.nextInt(ids.size()));
    }
}
