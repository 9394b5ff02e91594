package io.ziiklb.simulator.learningbank;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulated platform's data and rules, shared by the HTTP routes and by tests that seed or
 * inspect it. Thread-safe: one read-write lock guards everything, so every call sees and leaves a
 * consistent platform. Lookups by id, name, email, external id and department are indexed.
 *
 * <p>A new (or reset) platform has exactly one top department named {@value #TOP_DEPARTMENT_NAME},
 * the system permission types Owner, Manager, Content Creator and User (the default), no job
 * profiles and default language {@value #DEFAULT_LANGUAGE}.
 *
 * <p>Seeding follows the API's rules: a seed that the API would refuse throws the same
 * {@link io.ziiklb.simulator.http.SimProblem} (status and code) the API would answer. Reads return
 * immutable snapshots.
 */
public final class LearningbankState {
    public static final String TOP_DEPARTMENT_NAME = "Acme";
    public static final String DEFAULT_LANGUAGE = "en";

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final List<Consumer<Object>> watchers = new CopyOnWriteArrayList<>();
    private Platform platform;

    LearningbankState(Clock clock) {
        this.clock = clock;
        this.platform = new Platform(TOP_DEPARTMENT_NAME);
    }

    /** Everything at one instant, as {@code GET /_sim/state} shows it. */
    public record Snapshot(Settings settings, List<Department> departments, List<PermissionType> permissionTypes,
                           List<JobProfile> jobProfiles, List<User> users) {
    }

    // ---- seeding (public, for tests, the demo and the benchmarks)

    /** Adds a job profile; {@code isDefault} makes it the platform default instead of the previous one. */
    public String seedJobProfile(String name, boolean isDefault) {
        return write(p -> p.jobProfiles.add(name, isDefault)).id();
    }

    public String seedPermissionType(String name) {
        return createPermissionType(name).id();
    }

    /** @param parentId null puts the department under the top department */
    public String seedDepartment(String name, String parentId) {
        return write(p -> p.departments.create(name, parentId == null ? p.departments.topId() : parentId)).id();
    }

    public String seedUser(NewUser user) {
        return createUser(user.toInput()).id();
    }

    /** @param language one of the contract's language codes */
    public void setDefaultLanguage(String language) {
        write(p -> {
            p.setDefaultLanguage(language);
            return null;
        });
    }

    // ---- reads (public)

    public String topDepartmentId() {
        return read(p -> p.departments.topId());
    }

    public Settings settings() {
        return read(Platform::settings);
    }

    public List<Department> departments() {
        return read(p -> List.copyOf(p.departments.all()));
    }

    public List<PermissionType> permissionTypes() {
        return read(p -> List.copyOf(p.permissionTypes.all()));
    }

    public List<JobProfile> jobProfiles() {
        return read(p -> List.copyOf(p.jobProfiles.all()));
    }

    /** All users in creation order; a copy, so think twice with 100,000 of them. */
    public List<User> users() {
        return read(p -> List.copyOf(p.users.all()));
    }

    public int userCount() {
        return read(p -> p.users.all().size());
    }

    public Optional<Department> findDepartment(String id) {
        return read(p -> Optional.ofNullable(p.departments.find(id)));
    }

    /** Case-insensitive, like the platform's uniqueness rule. */
    public Optional<Department> findDepartmentByName(String name) {
        return read(p -> Optional.ofNullable(p.departments.findByName(name)));
    }

    public Optional<PermissionType> findPermissionType(String id) {
        return read(p -> Optional.ofNullable(p.permissionTypes.find(id)));
    }

    /** Case-insensitive. */
    public Optional<PermissionType> findPermissionTypeByName(String name) {
        return read(p -> Optional.ofNullable(p.permissionTypes.findByName(name)));
    }

    public Optional<JobProfile> findJobProfile(String id) {
        return read(p -> Optional.ofNullable(p.jobProfiles.find(id)));
    }

    /** Exact and case-sensitive; the first seeded when several share the name. */
    public Optional<JobProfile> findJobProfileByName(String name) {
        return read(p -> Optional.ofNullable(p.jobProfiles.findByName(name)));
    }

    public Optional<User> findUser(String id) {
        return read(p -> Optional.ofNullable(p.users.find(id)));
    }

    public Optional<User> findUserByExternalId(String externalId) {
        return read(p -> Optional.ofNullable(p.users.findByExternalId(externalId)));
    }

    /** Case-insensitive. */
    public Optional<User> findUserByEmail(String email) {
        return read(p -> Optional.ofNullable(p.users.findByEmail(email)));
    }

    public Snapshot snapshot() {
        return read(p -> new Snapshot(p.settings(), List.copyOf(p.departments.all()),
                List.copyOf(p.permissionTypes.all()), List.copyOf(p.jobProfiles.all()), List.copyOf(p.users.all())));
    }

    // ---- the API's operations (package-private, for the routes)

    /** Back to a new platform; ids start again from 1. */
    void reset() {
        write(p -> platform = new Platform(TOP_DEPARTMENT_NAME));
    }

    Page<Department> listDepartments(String name, String parentId, PageRequest page) {
        return read(p -> p.departments.list(name, parentId, page));
    }

    Department department(String id) {
        return read(p -> p.departments.get(id));
    }

    Department createDepartment(String name, String parentId) {
        return told(write(p -> p.departments.create(name, parentId)));
    }

    /** Null {@code name} / {@code parentId} mean "leave as is". */
    Department updateDepartment(String id, String name, String parentId) {
        return told(write(p -> p.departments.update(id, name, parentId)));
    }

    void deleteDepartment(String id) {
        write(p -> {
            p.departments.delete(id, p.users.anyInDepartment(id));
            return null;
        });
    }

    Page<PermissionType> listPermissionTypes(String name, PageRequest page) {
        return read(p -> p.permissionTypes.list(name, page));
    }

    PermissionType permissionType(String id) {
        return read(p -> p.permissionTypes.get(id));
    }

    PermissionType createPermissionType(String name) {
        return write(p -> p.permissionTypes.create(name));
    }

    PermissionType renamePermissionType(String id, String name) {
        return write(p -> p.permissionTypes.rename(id, name));
    }

    /** Deletes the type and takes it away from every user holding it, in one step. */
    void deletePermissionType(String id) {
        write(p -> {
            p.permissionTypes.delete(id);
            p.users.removePermissionType(id, now());
            return null;
        });
    }

    Page<JobProfile> listJobProfiles(String name, PageRequest page) {
        return read(p -> p.jobProfiles.list(name, page));
    }

    JobProfile jobProfile(String id) {
        return read(p -> p.jobProfiles.get(id));
    }

    Page<User> listUsers(UserFilter filter, PageRequest page) {
        return read(p -> p.users.list(filter, page));
    }

    User user(String id) {
        return read(p -> p.users.get(id));
    }

    User createUser(UserInput input) {
        return told(write(p -> p.users.create(input, p, now())));
    }

    User updateUser(String id, UserInput input) {
        return told(write(p -> p.users.update(id, input, p, now())));
    }

    /**
     * Tells {@code watcher} of every department and user the API creates or updates, as written,
     * right after the write and on the thread that wrote it (so it must be quick): a benchmark
     * times each change's arrival with it instead of polling the state.
     */
    public void watchWrites(Consumer<Object> watcher) {
        watchers.add(watcher);
    }

    private <T> T told(T written) {
        for (Consumer<Object> watcher : watchers) {
            watcher.accept(written);
        }
        return written;
    }

    void deleteUser(String id) {
        write(p -> {
            p.users.delete(id);
            return null;
        });
    }

    /** Millisecond precision, as timestamps on the wire have. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T read(Function<Platform, T> action) {
        lock.readLock().lock();
        try {
            return action.apply(platform);
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Function<Platform, T> action) {
        lock.writeLock().lock();
        try {
            return action.apply(platform);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
