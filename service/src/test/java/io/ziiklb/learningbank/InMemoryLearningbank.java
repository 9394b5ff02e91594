package io.ziiklb.learningbank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Learningbank as the engine calls it ({@link LearningbankApi}), held in memory for fast tests,
 * with the rules of {@code specs/learningbank-api.md} that the engine relies on, as the simulator
 * applies them: one protected top department; department and permission-type names unique
 * case-insensitively (409 {@code duplicate_name}); a department with users or children is not
 * deleted (409 {@code department_not_empty}); the four system types, User the default, protected;
 * a deleted type is taken off its users; users ({@link InMemoryUsers}) unique by email
 * (case-insensitively) and external id (409), created with the platform's defaults; unknown ids
 * 404, unknown references 422. No faults,
 * no rate limits: the ITs and the simulators cover those. Thread-safe, since the executor runs
 * several steps at once.
 */
public final class InMemoryLearningbank implements LearningbankApi {
    public static final String DEFAULT_LANGUAGE = "en";

    private final Map<String, LbDepartment> departments = new LinkedHashMap<>();
    private final Map<String, LbPermissionType> types = new LinkedHashMap<>();
    private final Map<String, LbJobProfile> jobProfiles = new LinkedHashMap<>();
    private final InMemoryUsers users = new InMemoryUsers();
    private final List<String> writes = new ArrayList<>();
    private final String topId;
    private long sequence;

    public InMemoryLearningbank(String topName) {
        topId = nextId("d");
        departments.put(topId, new LbDepartment(topId, topName, null, true));
        for (String name : List.of("Owner", "Manager", "Content Creator", "User")) {
            String id = nextId("pt");
            types.put(id, new LbPermissionType(id, name, name.equals("User"), true));
        }
    }

    // ---- setting up, and looking at, what it holds (not calls of the engine)

    public String topDepartmentId() {
        return topId;
    }

    /** The type a user gets when created without any (the system type User). */
    public synchronized String defaultPermissionTypeId() {
        return types.values().stream().filter(LbPermissionType::isDefault).findFirst().orElseThrow().id();
    }

    /** A department someone else made: ziiklb has no link to it. */
    public synchronized String seedDepartment(String name, String parentId) {
        return create(name, parentId == null ? topId : parentId).id();
    }

    public synchronized String seedPermissionType(String name) {
        return newType(name).id();
    }

    public synchronized String seedJobProfile(String name, boolean isDefault) {
        String id = nextId("jp");
        jobProfiles.put(id, new LbJobProfile(id, name, isDefault));
        return id;
    }

    public synchronized String seedUser(LbUserChange user) {
        return users.create(nextId("u"), user, references()).id();
    }

    /** Deleted in Learningbank, as an admin there could (the engine never deletes a user). */
    public synchronized void deleteUser(String id) {
        users.delete(id);
    }

    public synchronized List<LbDepartment> departments() {
        return List.copyOf(departments.values());
    }

    public synchronized Optional<LbDepartment> department(String id) {
        return Optional.ofNullable(departments.get(id));
    }

    public synchronized List<LbPermissionType> permissionTypes() {
        return List.copyOf(types.values());
    }

    public synchronized Optional<LbPermissionType> permissionType(String id) {
        return Optional.ofNullable(types.get(id));
    }

    public synchronized List<LbUser> users() {
        return users.all();
    }

    public synchronized Optional<LbUser> findUser(String id) {
        return users.find(id);
    }

    /** Every call that changed something, as {@code "METHOD what"}, in order; refused calls are not counted. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    // ---- departments

    @Override
    public synchronized LbPage<LbDepartment> departmentsPage(int page, int perPage) {
        return page(departments.values(), d -> true, page, perPage);
    }

    @Override
    public synchronized Optional<LbDepartment> departmentByName(String name) {
        return departments.values().stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public synchronized LbDepartment createDepartment(String name, String parentId) {
        LbDepartment made = create(name, parentId);
        writes.add("POST department " + name);
        return made;
    }

    @Override
    public synchronized LbDepartment updateDepartment(String id, String name, String parentId) {
        LbDepartment current = existing(departments, id, "department");
        if (current.top() && (name != null || parentId != null)) {
            throw new LearningbankConflictException("protected", "the top department cannot be changed");
        }
        if (name != null) {
            requireText(name);
            requireFreeName(departments.values(), name, id, LbDepartment::id, LbDepartment::name);
        }
        if (parentId != null) {
            requireDepartment(parentId);
            for (String at = parentId; at != null; at = departments.get(at).parentId()) {
                if (at.equals(id)) {
                    throw invalid("parent_id", "would make a cycle: " + parentId);
                }
            }
        }
        LbDepartment updated = new LbDepartment(id, name != null ? name : current.name(),
                parentId != null ? parentId : current.parentId(), false);
        departments.put(id, updated);
        writes.add("PATCH department " + updated.name());
        return updated;
    }

    @Override
    public synchronized void deleteDepartment(String id) {
        LbDepartment current = existing(departments, id, "department");
        if (current.top()) {
            throw new LearningbankConflictException("protected", "the top department cannot be deleted");
        }
        if (departments.values().stream().anyMatch(d -> id.equals(d.parentId()))
                || users.anyIn(id)) {
            throw new LearningbankConflictException("department_not_empty", "department " + id + " has users or departments");
        }
        departments.remove(id);
        writes.add("DELETE department " + current.name());
    }

    // ---- permission types

    @Override
    public synchronized LbPage<LbPermissionType> permissionTypesPage(int page, int perPage) {
        return page(types.values(), t -> true, page, perPage);
    }

    @Override
    public synchronized Optional<LbPermissionType> permissionTypeByName(String name) {
        return types.values().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public synchronized LbPermissionType createPermissionType(String name) {
        LbPermissionType made = newType(name);
        writes.add("POST permission type " + name);
        return made;
    }

    @Override
    public synchronized LbPermissionType renamePermissionType(String id, String name) {
        LbPermissionType current = changeable(id);
        requireText(name);
        requireFreeName(types.values(), name, id, LbPermissionType::id, LbPermissionType::name);
        LbPermissionType renamed = new LbPermissionType(id, name, current.isDefault(), false);
        types.put(id, renamed);
        writes.add("PATCH permission type " + name);
        return renamed;
    }

    @Override
    public synchronized void deletePermissionType(String id) {
        LbPermissionType current = changeable(id);
        types.remove(id);
        users.removePermissionType(id);
        writes.add("DELETE permission type " + current.name());
    }

    // ---- job profiles

    @Override
    public synchronized LbPage<LbJobProfile> jobProfilesPage(int page, int perPage) {
        return page(jobProfiles.values(), p -> true, page, perPage);
    }

    @Override
    public synchronized List<LbJobProfile> allJobProfiles() {
        return List.copyOf(jobProfiles.values());
    }

    // ---- users

    @Override
    public synchronized LbPage<LbUser> usersPage(LbUserFilter filter, int page, int perPage) {
        return users.page(filter, page, perPage);
    }

    @Override
    public synchronized Optional<LbUser> userByExternalId(String externalId) {
        return users.byExternalId(externalId);
    }

    @Override
    public synchronized Optional<LbUser> userByEmail(String email) {
        return users.byEmail(email);
    }

    @Override
    public synchronized LbUser user(String id) {
        return users.get(id);
    }

    @Override
    public synchronized LbUser createUser(LbUserChange user) {
        LbUser made = users.create(nextId("u"), user, references());
        writes.add("POST user " + made.email());
        return made;
    }

    @Override
    public synchronized LbUser updateUser(String id, LbUserChange change) {
        LbUser updated = users.update(id, change, references());
        writes.add("PATCH user " + updated.email());
        return updated;
    }

    // ---- the rules

    private LbDepartment create(String name, String parentId) {
        requireText(name);
        if (parentId == null) {
            throw invalid("parent_id", "is required");
        }
        requireDepartment(parentId);
        requireFreeName(departments.values(), name, null, LbDepartment::id, LbDepartment::name);
        String id = nextId("d");
        LbDepartment made = new LbDepartment(id, name, parentId, false);
        departments.put(id, made);
        return made;
    }

    private LbPermissionType newType(String name) {
        requireText(name);
        requireFreeName(types.values(), name, null, LbPermissionType::id, LbPermissionType::name);
        String id = nextId("pt");
        LbPermissionType made = new LbPermissionType(id, name, false, false);
        types.put(id, made);
        return made;
    }

    /** What users may refer to now, and the defaults a create gets. */
    private InMemoryUsers.References references() {
        return new InMemoryUsers.References(departments::containsKey, types::containsKey, jobProfiles::containsKey,
                defaultPermissionTypeId(), jobProfiles.values().stream().filter(LbJobProfile::isDefault).map(LbJobProfile::id)
                        .findFirst().orElse(null), DEFAULT_LANGUAGE);
    }

    private LbPermissionType changeable(String id) {
        LbPermissionType current = existing(types, id, "permission type");
        if (current.system()) {
            throw new LearningbankConflictException("protected", "the system permission type " + current.name());
        }
        return current;
    }

    private <T> void requireFreeName(Iterable<T> all, String name, String exceptId, java.util.function.Function<T, String> id,
                                     java.util.function.Function<T, String> nameOf) {
        for (T item : all) {
            if (nameOf.apply(item).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) && !id.apply(item).equals(exceptId)) {
                throw new LearningbankConflictException("duplicate_name", "name taken: " + name);
            }
        }
    }

    private void requireDepartment(String id) {
        if (!departments.containsKey(id)) {
            throw invalid("department_ids", "unknown department: " + id);
        }
    }

    private static void requireText(String name) {
        if (name == null || name.isBlank()) {
            throw invalid("name", "is required");
        }
    }

    static <T> T existing(Map<String, T> items, String id, String what) {
        T item = items.get(id);
        if (item == null) {
            throw new LearningbankNotFoundException("no " + what + " " + id);
        }
        return item;
    }

    static LearningbankValidationException invalid(String field, String message) {
        return new LearningbankValidationException(422, "validation_failed", field + " " + message,
                Map.of(field, List.of(message)));
    }

    static <T> LbPage<T> page(Iterable<T> all, Predicate<T> filter, int page, int perPage) {
        List<T> matching = new ArrayList<>();
        all.forEach(item -> {
            if (filter.test(item)) {
                matching.add(item);
            }
        });
        int from = Math.min((page - 1) * perPage, matching.size());
        int lastPage = Math.max(1, (matching.size() + perPage - 1) / perPage);
        return new LbPage<>(List.copyOf(matching.subList(from, Math.min(from + perPage, matching.size()))), page, perPage,
                matching.size(), lastPage);
    }

    private String nextId(String prefix) {
        return prefix + "-" + ++sequence;
    }
}
