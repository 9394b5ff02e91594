package io.ziiklb.sync;

import io.ziiklb.simulator.learningbank.Department;
import io.ziiklb.simulator.learningbank.JobProfile;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.learningbank.PermissionType;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What Learningbank must hold after a synchronisation, written from {@code specs/sync-rules.md}
 * alone: it shares no code with the planner. Compares id-free forms: departments as paths of names
 * from the top, permission types by name, users by external id. Returns every difference found.
 */
final class SyncOracle {
    private static final String TOP = "<top>";
    private static final Map<String, String> LANGUAGES = new HashMap<>();

    static {
        for (String same : "en da de es fi fr it ja lt nl pl pt ru sk sv".split(" ")) {
            LANGUAGES.put(same, same);
        }
        LANGUAGES.putAll(Map.of("et", "et_EE", "lv", "lv_LV", "ro", "ro_RO", "nb", "no", "nn", "no", "no", "no"));
    }

    private final ZiikSnapshot ziik;
    private final LearningbankState.Snapshot before;
    private final LearningbankState.Snapshot after;
    private final boolean uniqueUnits;
    private final Set<String> excluded;
    private final Set<Long> gone;
    private final Set<String> everRoleNames;
    private final Map<Long, String> firstContact;
    private final Map<Long, ZiikUnit> units = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param before        Learningbank before the integration's first synchronisation (what it does not own)
     * @param gone          Ziik users deleted since they were synchronised
     * @param everRoleNames every role name Ziik has had (lower-case): types of those names are the integration's
     * @param firstContact  Ziik user → the Learningbank user that existed before with its email (P2)
     */
    SyncOracle(ZiikSnapshot ziik, LearningbankState.Snapshot before, LearningbankState.Snapshot after,
               boolean uniqueUnits, Set<String> excluded, Set<Long> gone, Set<String> everRoleNames,
               Map<Long, String> firstContact) {
        this.ziik = ziik;
        this.before = before;
        this.after = after;
        this.uniqueUnits = uniqueUnits;
        this.excluded = excluded.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.gone = gone;
        this.everRoleNames = everRoleNames;
        this.firstContact = firstContact;
        ziik.units().forEach(u -> units.put(u.id(), u));
    }

    List<String> problems() {
        checkDepartments();
        checkPermissionTypes();
        checkUsers();
        return problems;
    }

    // ---- U1-U4: the tree, by paths of names

    private String path(long unitId) {
        ZiikUnit unit = units.get(unitId);
        if (unit == null || unit.parentId() == null) {
            return TOP;
        }
        if (!unit.mirrored()) {
            return path(unit.parentId()); // a membership of a non-mirrored unit counts for its nearest mirrored ancestor
        }
        return path(unit.parentId()) + "/" + (uniqueUnits ? unit.name() + " (" + unit.id() + ")" : unit.name());
    }

    private Set<String> managedPaths() {
        Set<String> paths = new TreeSet<>();
        paths.add(TOP);
        for (ZiikUnit u : ziik.units()) {
            if (u.mirrored() && u.parentId() != null) {
                paths.add(path(u.id()));
            }
        }
        return paths;
    }

    private static Map<String, String> pathsById(List<Department> departments) {
        Map<String, Department> byId = departments.stream().collect(Collectors.toMap(Department::id, d -> d));
        Map<String, String> paths = new HashMap<>();
        for (Department d : departments) {
            List<String> names = new ArrayList<>();
            for (Department at = d; at != null && !at.isTop(); at = byId.get(at.parentId())) {
                names.addFirst(at.name());
            }
            paths.put(d.id(), names.isEmpty() ? TOP : TOP + "/" + String.join("/", names));
        }
        return paths;
    }

    private void checkDepartments() {
        Set<String> expected = new TreeSet<>(managedPaths());
        Map<String, String> beforePaths = pathsById(before.departments());
        before.departments().stream().filter(d -> !d.isTop()).forEach(d -> expected.add(beforePaths.get(d.id())));
        Set<String> actual = new TreeSet<>(pathsById(after.departments()).values());
        if (!expected.equals(actual)) {
            problems.add("departments: missing " + difference(expected, actual) + ", unexpected " + difference(actual, expected));
        }
        String topBefore = before.departments().stream().filter(Department::isTop).findFirst().orElseThrow().name();
        String topAfter = after.departments().stream().filter(Department::isTop).findFirst().orElseThrow().name();
        if (!topBefore.equals(topAfter)) {
            problems.add("U1: the top department was renamed to " + topAfter);
        }
    }

    // ---- R1-R2

    private void checkPermissionTypes() {
        // types that existed before are never deleted: unmanaged ones stay, adopted ones only unlink (R2);
        // every current role has one (R1)
        Set<String> expected = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        before.permissionTypes().stream().map(PermissionType::name).forEach(expected::add);
        ziik.roles().stream().map(ZiikRole::name).forEach(expected::add);
        Set<String> actual = after.permissionTypes().stream().map(PermissionType::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> actualCi = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        actualCi.addAll(actual);
        if (!expected.equals(actualCi) || actual.size() != after.permissionTypes().size()) {
            problems.add("permission types: expected " + expected + ", found " + actual);
        }
        for (ZiikRole role : ziik.roles()) {
            boolean exact = actual.contains(role.name()) || after.permissionTypes().stream()
                    .anyMatch(t -> t.isSystem() && t.name().equalsIgnoreCase(role.name()));
            if (!exact) {
                problems.add("R1: no permission type named exactly \"" + role.name() + "\"");
            }
        }
    }

    // ---- P1-P8

    private void checkUsers() {
        Map<String, String> deptPaths = pathsById(after.departments());
        Map<String, String> typeNames = after.permissionTypes().stream().collect(Collectors.toMap(PermissionType::id, PermissionType::name));
        Set<String> managed = managedPaths();
        Set<String> roleNamesCi = ziik.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, List<User>> byExternalId = after.users().stream().filter(u -> u.externalId() != null)
                .collect(Collectors.groupingBy(User::externalId));
        byExternalId.forEach((id, users) -> {
            if (users.size() > 1) {
                problems.add("duplicate users with external id " + id);
            }
        });
        Map<String, User> beforeById = before.users().stream().collect(Collectors.toMap(User::id, u -> u));
        Map<String, User> beforeByEmail = before.users().stream()
                .collect(Collectors.toMap(u -> u.email().toLowerCase(Locale.ROOT), u -> u));
        Map<String, String> beforeDeptPaths = pathsById(before.departments());
        Map<String, String> beforeTypeNames = before.permissionTypes().stream().collect(Collectors.toMap(PermissionType::id, PermissionType::name));
        Set<String> matchedBefore = new java.util.HashSet<>(firstContact.values());

        for (ZiikPerson person : ziik.people().values()) {
            String email = person.user().email().toLowerCase(Locale.ROOT);
            User existing = excluded.contains(email) ? beforeByEmail.get(email) : beforeById.get(firstContact.get(person.id()));
            if (existing != null) {
                matchedBefore.add(existing.id());
            }
            String externalId = "ziik:" + person.id();
            List<User> found = byExternalId.getOrDefault(externalId, List.of());
            if (excluded.contains(email)) {
                if (!found.isEmpty() && (existing == null || !externalId.equals(existing.externalId()))) {
                    problems.add("P8: excluded " + email + " was created or linked");
                }
                if (existing != null) {
                    unchanged(existing, "P8: excluded " + email);
                }
                continue;
            }
            if (found.size() != 1) {
                problems.add("P1: " + found.size() + " users for " + externalId);
                continue;
            }
            User u = found.getFirst();
            String who = externalId + " (" + email + ")";
            if (!u.email().equalsIgnoreCase(person.user().email())) problems.add("P1: email of " + who + " is " + u.email());
            if (!u.firstName().equals(person.user().firstName()) || !u.lastName().equals(person.user().lastName())) {
                problems.add("P1: name of " + who + " is " + u.fullName());
            }
            if (u.isActive() != person.user().active()) problems.add("P6: " + who + " active=" + u.isActive());
            String language = person.user().language() == null ? null : LANGUAGES.get(person.user().language());
            if (language != null && !language.equals(u.language())) {
                problems.add("P7: language of " + who + " is " + u.language() + ", expected " + language);
            }
            if (existing != null && !existing.id().equals(u.id())) {
                problems.add("P2: " + who + " was not matched to the existing user " + existing.id());
            }

            Set<String> expectedDepartments = new LinkedHashSet<>();
            person.memberships().forEach(m -> expectedDepartments.add(path(m.unitId())));
            if (expectedDepartments.isEmpty()) {
                expectedDepartments.add(TOP);
            }
            Set<String> has = u.departmentIds().stream().map(deptPaths::get).collect(Collectors.toCollection(TreeSet::new));
            Set<String> hasManaged = has.stream().filter(managed::contains).collect(Collectors.toCollection(TreeSet::new));
            if (!hasManaged.equals(new TreeSet<>(expectedDepartments))) {
                problems.add("P3: departments of " + who + " are " + hasManaged + ", expected " + new TreeSet<>(expectedDepartments));
            }
            Set<String> expectedRoles = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            if (!person.memberships().isEmpty()) {
                person.memberships().getFirst().roles().forEach(r -> expectedRoles.add(r.name()));
            }
            Set<String> hasTypes = u.permissionTypeIds().stream().map(typeNames::get).collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
            Set<String> hasRoleTypes = hasTypes.stream().filter(n -> roleNamesCi.contains(n.toLowerCase(Locale.ROOT)))
                    .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
            if (!hasRoleTypes.equals(expectedRoles)) {
                problems.add("P4: permission types of " + who + " are " + hasRoleTypes + ", expected " + expectedRoles);
            }
            if (existing != null) {
                for (String d : existing.departmentIds()) {
                    String p = beforeDeptPaths.get(d);
                    if (!managed.contains(p) && !has.contains(p)) problems.add("P3: " + who + " lost unmanaged department " + p);
                }
                for (String t : existing.permissionTypeIds()) {
                    String name = beforeTypeNames.get(t);
                    if (!everRoleNames.contains(name.toLowerCase(Locale.ROOT)) && !hasTypes.contains(name)) {
                        problems.add("P4: " + who + " lost unmanaged permission type " + name);
                    }
                }
            }
            String profile = expectedJobProfile(person);
            if (profile != null && !profile.equals(u.jobProfileId())) {
                problems.add("P5: job profile of " + who + " is " + u.jobProfileId() + ", expected " + profile);
            }
        }
        for (long id : gone) {
            List<User> found = byExternalId.getOrDefault("ziik:" + id, List.of());
            if (found.size() != 1 || found.getFirst().isActive()) {
                problems.add("P6: deleted Ziik user " + id + " should be one deactivated user, found " + found);
            }
        }
        byExternalId.keySet().stream().filter(id -> id.startsWith("ziik:")).forEach(id -> {
            long ziikId = Long.parseLong(id.substring(5));
            if (!ziik.people().containsKey(ziikId) && !gone.contains(ziikId)) {
                problems.add("a Learningbank user " + id + " for no Ziik user");
            }
        });
        for (User u : before.users()) {
            if (!matchedBefore.contains(u.id())) {
                unchanged(u, "a user the integration does not manage");
            }
        }
    }

    private String expectedJobProfile(ZiikPerson person) {
        if (person.memberships().isEmpty()) {
            return null;
        }
        for (ZiikRole role : person.memberships().getFirst().roles()) {
            for (JobProfile p : after.jobProfiles()) {
                if (p.name().equals(role.name())) {
                    return p.id();
                }
            }
        }
        return null;
    }

    private void unchanged(User was, String what) {
        User now = after.users().stream().filter(u -> u.id().equals(was.id())).findFirst().orElse(null);
        if (now == null || !Objects.equals(now.email(), was.email()) || now.isActive() != was.isActive()
                || !Objects.equals(now.externalId(), was.externalId()) || !now.departmentIds().equals(was.departmentIds())
                || !now.permissionTypeIds().equals(was.permissionTypeIds()) || !Objects.equals(now.jobProfileId(), was.jobProfileId())
                || !Objects.equals(now.firstName(), was.firstName())) {
            problems.add(what + " was changed: " + was + " -> " + now);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

}
