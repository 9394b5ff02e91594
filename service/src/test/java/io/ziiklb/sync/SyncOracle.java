package io.ziiklb.sync;

import io.ziiklb.simulator.learningbank.Department;
import io.ziiklb.simulator.learningbank.JobProfile;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.learningbank.PermissionType;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.OrganisationView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Learningbank (and the links) must hold after a synchronisation, written from
 * {@code specs/sync-rules.md} alone. Its truth is the Ziik simulator's own rows
 * ({@link OrganisationView}), never the service's reader, client or snapshot types, and it shares
 * no code with the planner. Departments are compared as paths of names from the top, users by
 * external id, permission types by id. Returns every difference found, each naming its rule.
 *
 * <p>Three Learningbank states go in: {@code original}, before the integration's first
 * synchronisation (what it does not own); {@code previous}, just before the synchronisation being
 * judged (what "left as it was" means, and what a held deletion keeps); {@code after}.
 */
final class SyncOracle {
    private static final Map<String, String> LANGUAGES = new HashMap<>();

    static {
        for (String same : "en da de es fi fr it ja lt nl pl pt ru sk sv".split(" ")) {
            LANGUAGES.put(same, same);
        }
        LANGUAGES.putAll(Map.of("et", "et_EE", "lv", "lv_LV", "ro", "ro_RO", "nb", "no", "nn", "no", "no", "no"));
    }

    private final OrganisationView ziik;
    private final LearningbankState.Snapshot original;
    private final LearningbankState.Snapshot previous;
    private final LearningbankState.Snapshot after;
    private final SyncSettings settings;
    private final ExpectedTree tree;
    private final List<String> found = new ArrayList<>();
    private Links links;
    private Collection<Problem> recorded;
    private Map<Long, String> firstContact = Map.of();
    private Map<Integer, List<String>> roleNames = Map.of();
    private boolean deletionsHeld;
    private boolean live;

    SyncOracle(OrganisationView ziik, LearningbankState.Snapshot original, LearningbankState.Snapshot previous,
               LearningbankState.Snapshot after, SyncSettings settings) {
        this.ziik = ziik;
        this.original = original;
        this.previous = previous;
        this.after = after;
        this.settings = settings;
        this.tree = new ExpectedTree(ziik, original.departments(), settings.uniqueUnits());
    }

    /** Also check every link (units, roles, users, adopted flags). */
    SyncOracle links(Links current) {
        this.links = current;
        return this;
    }

    /** Also check that the sync recorded what the rules ask it to report (U6 name conflicts, P7 warnings). */
    SyncOracle recorded(Collection<Problem> problems) {
        this.recorded = problems;
        return this;
    }

    /** Ziik user → the Learningbank user (in {@code original}) that P2 must match it to. */
    SyncOracle firstContact(Map<Long, String> matches) {
        this.firstContact = matches;
        return this;
    }

    /** Every name each role has had, first to last, deleted roles included: who adopted which type (R2). */
    SyncOracle roleNames(Map<Integer, List<String>> names) {
        this.roleNames = names;
        return this;
    }

    /** L6: the deletion guard held this synchronisation's deletions and deactivations. */
    SyncOracle deletionsHeld(boolean held) {
        this.deletionsHeld = held;
        return this;
    }

    /**
     * Live reconciles ran while Ziik changed, so a state between {@code previous} and now may have
     * been applied: fields the rules leave "as they were" may hold a value from in between.
     */
    SyncOracle live(boolean on) {
        this.live = on;
        return this;
    }

    List<String> problems() {
        found.clear();
        tree.clashingNames().forEach(n -> found.add("oracle: two units want the department name \"" + n
                + "\"; the rules do not say which gets it (a generator bug)"));
        checkDepartments();
        Map<Integer, String> typeOfRole = checkPermissionTypes();
        checkUsers(typeOfRole);
        return List.copyOf(found);
    }

    // ---- U1-U6

    private void checkDepartments() {
        Map<String, String> afterPaths = ExpectedTree.pathsById(after.departments());
        Map<String, Department> afterById = byId(after.departments());
        Department topBefore = original.departments().stream().filter(Department::isTop).findFirst().orElseThrow();
        Department topAfter = afterById.get(topBefore.id());
        if (topAfter == null || !topAfter.isTop() || !topAfter.name().equals(topBefore.name())) {
            found.add("U1: the top department was changed: " + topBefore + " -> " + topAfter);
        }
        for (Department was : original.departments()) { // the integration never touches what it has not linked
            if (!was.equals(afterById.get(was.id()))) {
                found.add("U: a department the integration does not manage was changed: " + was + " -> " + afterById.get(was.id()));
            }
        }
        List<String> expected = new ArrayList<>(tree.managedPaths().values());
        original.departments().stream().filter(d -> !d.isTop()).forEach(d -> expected.add(ExpectedTree.pathsById(original.departments()).get(d.id())));
        if (deletionsHeld) { // L6: what this synchronisation would have deleted stays, renamed and moved as its unit was not
            Set<String> expectedSet = new HashSet<>(expected);
            for (Department d : previous.departments()) {
                if (!afterById.containsKey(d.id())) {
                    found.add("L6: the held deletion of department " + d + " was applied");
                } else if (!expectedSet.contains(afterPaths.get(d.id()))) {
                    expected.add(afterPaths.get(d.id()));
                }
            }
        }
        List<String> actual = after.departments().stream().map(d -> afterPaths.get(d.id())).sorted().toList();
        if (!actual.equals(expected.stream().sorted().toList())) {
            List<String> missing = new ArrayList<>(expected);
            actual.forEach(missing::remove);
            List<String> unexpected = new ArrayList<>(actual);
            expected.forEach(unexpected::remove);
            found.add("U2-U4: departments missing " + missing + ", unexpected or repeated " + unexpected);
        }
        Set<Integer> conflicted = tree.conflicted();
        if (recorded != null) {
            for (int unit : conflicted) {
                if (recorded.stream().noneMatch(p -> p.kind() == ObjectKind.DEPARTMENT && p.ziikId() == unit
                        && p.code().equals("name_conflict"))) {
                    found.add("U6: unit " + unit + " is in a name conflict but no name_conflict was recorded");
                }
            }
        }
        if (links != null) {
            Map<String, String> idByPath = new HashMap<>();
            afterPaths.forEach((id, path) -> idByPath.putIfAbsent(path, id));
            tree.managedPaths().forEach((unit, path) -> {
                String linked = links.units().get((long) unit);
                if (!Objects.equals(linked, idByPath.get(path))) {
                    found.add("U2 link: unit " + unit + " is linked to " + linked + ", expected " + idByPath.get(path) + " (" + path + ")");
                }
            });
            for (long unit : links.units().keySet()) {
                boolean expectedLink = tree.managedPaths().containsKey((int) unit);
                boolean heldLink = deletionsHeld && ziik.unit((int) unit).isEmpty();
                if (!expectedLink && !heldLink) {
                    found.add("U link: unit " + unit + " should have no link (" + (conflicted.contains((int) unit)
                            ? "U6 name conflict" : ziik.unit((int) unit).isEmpty() ? "deleted" : "a Ziik department") + ")");
                }
            }
        }
    }

    // ---- R1-R3

    /** Checks the types; returns role id → the id of its type (for the users' checks). */
    private Map<Integer, String> checkPermissionTypes() {
        Map<String, PermissionType> afterById = byId(after.permissionTypes(), PermissionType::id);
        Map<String, PermissionType> originalById = byId(original.permissionTypes(), PermissionType::id);
        Map<Integer, String> typeOfRole = new HashMap<>();
        Set<String> adoptedIds = new HashSet<>();
        for (OrganisationView.Role role : ziik.roles()) {
            List<PermissionType> named = after.permissionTypes().stream().filter(t -> t.name().equalsIgnoreCase(role.name())).toList();
            Optional<PermissionType> adopted = adoptedBy(role.id());
            if (adopted.isPresent()) {
                adoptedIds.add(adopted.get().id());
                PermissionType now = afterById.get(adopted.get().id());
                typeOfRole.put(role.id(), adopted.get().id());
                if (now == null || !now.name().equals(role.name()) && !now.isSystem()) {
                    found.add("R2: the type adopted by role \"" + role.name() + "\" is " + now + ", expected it renamed with the role");
                }
            } else if (named.size() != 1 || !named.getFirst().name().equals(role.name())) {
                found.add("R1: role \"" + role.name() + "\" should have one type named exactly so, found " + named);
            } else {
                typeOfRole.put(role.id(), named.getFirst().id());
                if (originalById.containsKey(named.getFirst().id())) {
                    found.add("R2: role \"" + role.name() + "\" took a type that existed before without adopting it by its name");
                }
            }
        }
        for (PermissionType was : original.permissionTypes()) {
            PermissionType now = afterById.get(was.id());
            if (now == null) {
                found.add("R2: a type that existed before was deleted: " + was);
            } else if (!adoptedIds.contains(was.id()) && !now.name().equals(was.name()) && !namesOfDeletedAdopter(was).contains(now.name())) {
                found.add("R2: a type the integration does not manage (or only adopted) was renamed: " + was + " -> " + now);
            }
        }
        for (PermissionType now : after.permissionTypes()) {
            if (!originalById.containsKey(now.id()) && !typeOfRole.containsValue(now.id())) {
                found.add("R1: type " + now + " belongs to no current role (a deleted role deletes its type)");
            }
        }
        if (links != null) {
            typeOfRole.forEach((role, type) -> {
                Links.RoleLink link = links.roles().get((long) role);
                boolean adopted = originalById.containsKey(type);
                if (link == null || !link.permissionTypeId().equals(type) || link.adopted() != adopted) {
                    found.add("R link: role " + role + " is linked " + link + ", expected " + type + (adopted ? " adopted" : ""));
                }
            });
            links.roles().keySet().stream().filter(role -> !typeOfRole.containsKey(role.intValue()))
                    .forEach(role -> found.add("R link: role " + role + " should have no link"));
        }
        return typeOfRole;
    }

    /** R2: the type that existed before with the role's first name (compared as Learningbank compares names). */
    private Optional<PermissionType> adoptedBy(int roleId) {
        List<String> names = roleNames.get(roleId);
        String first = names == null || names.isEmpty() ? ziik.role(roleId).map(OrganisationView.Role::name).orElse(null) : names.getFirst();
        return original.permissionTypes().stream().filter(t -> t.name().equalsIgnoreCase(first)).findFirst();
    }

    /** The names a deleted role that adopted this type had: the type may keep the last one synchronised. */
    private Set<String> namesOfDeletedAdopter(PermissionType type) {
        Set<String> names = new HashSet<>();
        roleNames.forEach((role, history) -> {
            if (ziik.role(role).isEmpty() && !history.isEmpty() && history.getFirst().equalsIgnoreCase(type.name())) {
                names.addAll(history);
            }
        });
        return names;
    }

    // ---- P1-P8

    private void checkUsers(Map<Integer, String> typeOfRole) {
        Map<String, String> deptPaths = ExpectedTree.pathsById(after.departments());
        Set<String> managedDepartments = new HashSet<>();
        after.departments().stream().filter(d -> !byId(original.departments()).containsKey(d.id()) || d.isTop())
                .forEach(d -> managedDepartments.add(d.id()));
        Set<String> managedTypes = new HashSet<>(typeOfRole.values());
        Map<String, List<User>> byExternalId = after.users().stream().filter(u -> u.externalId() != null)
                .collect(Collectors.groupingBy(User::externalId));
        byExternalId.forEach((id, users) -> {
            if (users.size() > 1) {
                found.add("P1: " + users.size() + " users with external id " + id);
            }
        });
        Map<String, User> afterById = byId(after.users(), User::id);
        Map<String, User> previousById = byId(previous.users(), User::id);
        Map<String, User> originalById = byId(original.users(), User::id);
        for (User was : previous.users()) {
            if (!afterById.containsKey(was.id())) {
                found.add("P6: a user was deleted: " + was);
            }
        }
        Set<String> managedUserIds = new HashSet<>();
        for (OrganisationView.User person : ziik.users()) {
            String externalId = "ziik:" + person.id();
            String who = externalId + " (" + person.email() + ")";
            User matched = firstContact.containsKey((long) person.id()) ? originalById.get(firstContact.get((long) person.id())) : null;
            if (settings.excluded(person.email()) || matched != null && settings.excluded(matched.email())) {
                if (byExternalId.containsKey(externalId) && (matched == null || !externalId.equals(matched.externalId()))) {
                    found.add("P8: excluded " + who + " was created or linked");
                }
                if (links != null && links.users().containsKey((long) person.id())) {
                    found.add("P8: excluded " + who + " is linked");
                }
                continue;
            }
            List<User> users = byExternalId.getOrDefault(externalId, List.of());
            if (users.size() != 1) {
                found.add("P1: " + users.size() + " users for " + who);
                continue;
            }
            User u = users.getFirst();
            managedUserIds.add(u.id());
            User before = previousById.get(u.id());
            if (matched != null && !matched.id().equals(u.id())) {
                found.add("P2: " + who + " was not matched to the existing user " + matched.id());
            }
            if (links != null && !u.id().equals(links.users().get((long) person.id()))) {
                found.add("P link: " + who + " is linked to " + links.users().get((long) person.id()) + ", expected " + u.id());
            }
            checkFields(person, u, before, who);
            checkUserDepartments(person, u, deptPaths, managedDepartments, matched, who);
            checkUserTypes(person, u, typeOfRole, managedTypes, matched, who);
            checkJobProfile(person, u, before, who);
        }
        for (int gone : ziik.deletedUserIds()) {
            List<User> users = byExternalId.getOrDefault("ziik:" + gone, List.of());
            users.forEach(u -> managedUserIds.add(u.id()));
            for (User u : users) {
                User before = previousById.get(u.id());
                boolean heldActive = deletionsHeld && before != null && before.isActive();
                if (u.isActive() && !heldActive) {
                    found.add("P6: the user of deleted Ziik user " + gone + " is still active");
                } else if (!u.isActive() && heldActive) {
                    found.add("L6: the held deactivation of deleted Ziik user " + gone + " was applied");
                }
                if (links != null && !u.id().equals(links.users().get((long) gone))) {
                    found.add("P6 link: deleted Ziik user " + gone + " lost its link");
                }
            }
        }
        Set<Integer> known = new HashSet<>(ziik.deletedUserIds());
        ziik.users().forEach(p -> known.add(p.id()));
        for (User u : after.users()) {
            if (originalById.containsKey(u.id())) {
                if (!managedUserIds.contains(u.id())) {
                    unchanged(originalById.get(u.id()), u, settings.excluded(u.email()) ? "P8: excluded user" : "a user the integration does not manage");
                }
            } else if (u.externalId() == null || !u.externalId().startsWith("ziik:")
                    || !known.contains(Integer.parseInt(u.externalId().substring(5)))) {
                found.add("P1: Learningbank user " + u + " is for no Ziik user");
            }
        }
    }

    private void checkFields(OrganisationView.User person, User u, User before, String who) {
        if (!u.email().equalsIgnoreCase(person.email())) {
            found.add("P1: email of " + who + " is " + u.email());
        }
        if (!u.firstName().equals(person.firstName())) {
            found.add("P1: first name of " + who + " is " + u.firstName());
        }
        if (!u.lastName().equals(person.lastName())) {
            found.add("P1: last name of " + who + " is " + u.lastName());
        }
        boolean heldActive = deletionsHeld && !person.active() && before != null && before.isActive();
        if (u.isActive() != (person.active() || heldActive)) {
            found.add((heldActive ? "L6" : "P6") + ": " + who + " is_active=" + u.isActive());
        }
        String language = LANGUAGES.get(person.language());
        if (language != null) {
            if (!language.equals(u.language())) {
                found.add("P7: language of " + who + " is " + u.language() + ", expected " + language);
            }
        } else {
            String expected = before == null ? after.settings().defaultLanguage() : before.language();
            boolean between = live && LANGUAGES.containsValue(u.language());
            if (!expected.equals(u.language()) && !between) {
                found.add("P7: unsupported language \"" + person.language() + "\" of " + who + " changed the field to "
                        + u.language() + ", expected " + expected);
            }
            if (recorded != null && recorded.stream().noneMatch(p -> p.kind() == ObjectKind.USER && p.ziikId() == person.id()
                    && p.code().equals("language_unsupported"))) {
                found.add("P7: no warning recorded for the unsupported language of " + who);
            }
        }
    }

    private void checkUserDepartments(OrganisationView.User person, User u, Map<String, String> paths, Set<String> managed,
                                  User matched, String who) {
        LinkedHashSet<String> expected = new LinkedHashSet<>();
        person.memberships().forEach(m -> expected.add(tree.effectivePath(m.unitId())));
        if (expected.isEmpty()) {
            expected.add(ExpectedTree.TOP);
        }
        List<String> has = u.departmentIds().stream().filter(managed::contains).map(paths::get).toList();
        if (!has.equals(List.copyOf(expected))) {
            found.add("P3: departments of " + who + " are " + has + ", expected in Ziik's order " + expected);
        }
        if (matched != null) {
            for (String d : matched.departmentIds()) {
                if (!managed.contains(d) && !u.departmentIds().contains(d)) {
                    found.add("P3: " + who + " lost the unmanaged department " + d);
                }
            }
        }
    }

    private void checkUserTypes(OrganisationView.User person, User u, Map<Integer, String> typeOfRole, Set<String> managed,
                            User matched, String who) {
        Set<String> expected = new HashSet<>();
        if (!person.memberships().isEmpty()) {
            person.memberships().getFirst().roleIds().forEach(r -> expected.add(typeOfRole.get(r)));
        }
        Set<String> has = u.permissionTypeIds().stream().filter(managed::contains).collect(Collectors.toSet());
        if (!has.equals(expected)) {
            found.add("P4: permission types of " + who + " are " + names(has) + ", expected " + names(expected));
        }
        Set<String> originalTypes = original.permissionTypes().stream().map(PermissionType::id).collect(Collectors.toSet());
        Set<String> notOurs = new HashSet<>(originalTypes);
        notOurs.removeAll(managed);
        roleNames.forEach((role, history) -> { // a deleted role's adopted type: whether users keep it the rules leave open
            if (ziik.role(role).isEmpty()) {
                adoptedBy(role).ifPresent(t -> notOurs.remove(t.id()));
            }
        });
        if (matched != null) {
            for (String t : matched.permissionTypeIds()) {
                if (notOurs.contains(t) && !u.permissionTypeIds().contains(t)) {
                    found.add("P4: " + who + " lost the unmanaged permission type " + names(Set.of(t)));
                }
            }
        }
    }

    private void checkJobProfile(OrganisationView.User person, User u, User before, String who) {
        String matching = settings.syncJobProfiles() ? matchingProfile(person) : null;
        String expected = matching != null ? matching : before == null ? after.settings().defaultJobProfileId() : before.jobProfileId();
        boolean between = live && matching == null && u.jobProfileId() != null; // set from a role held in between
        if (!Objects.equals(expected, u.jobProfileId()) && !between) {
            found.add("P5: job profile of " + who + " is " + u.jobProfileId() + ", expected " + expected
                    + (matching != null ? " (matches a role)" : before == null ? " (created: Learningbank's default)" : " (left as it was)"));
        }
    }

    /** P5: the first role of the first membership, in Ziik's order, with a job profile of exactly its name. */
    private String matchingProfile(OrganisationView.User person) {
        if (person.memberships().isEmpty()) {
            return null;
        }
        Membership first = person.memberships().getFirst();
        for (int roleId : first.roleIds()) {
            String name = ziik.role(roleId).map(OrganisationView.Role::name).orElse(null);
            for (JobProfile p : after.jobProfiles()) {
                if (p.name().equals(name)) {
                    return p.id();
                }
            }
        }
        return null;
    }

    private void unchanged(User was, User now, String what) {
        if (now == null || !Objects.equals(now.email(), was.email()) || now.isActive() != was.isActive()
                || !Objects.equals(now.externalId(), was.externalId()) || !now.departmentIds().equals(was.departmentIds())
                || !now.permissionTypeIds().equals(was.permissionTypeIds()) || !Objects.equals(now.jobProfileId(), was.jobProfileId())
                || !Objects.equals(now.firstName(), was.firstName()) || !Objects.equals(now.lastName(), was.lastName())
                || !Objects.equals(now.language(), was.language())) {
            found.add(what + " was changed: " + was + " -> " + now);
        }
    }

    private Set<String> names(Set<String> typeIds) {
        Map<String, PermissionType> types = byId(after.permissionTypes(), PermissionType::id);
        return typeIds.stream().map(id -> types.containsKey(id) ? types.get(id).name() : String.valueOf(id))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Map<String, Department> byId(List<Department> departments) {
        return byId(departments, Department::id);
    }

    private static <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        items.forEach(i -> map.put(id.apply(i), i));
        return map;
    }
}
