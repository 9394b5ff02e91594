package io.ziiklb.learningbank;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The users of {@link InMemoryLearningbank} and their rules, as {@code specs/learningbank-api.md}
 * gives them: unique by email (case-insensitively) and by external id (409), at least one known
 * department, only known permission types, job profiles and languages (422), and the platform's defaults for
 * what a create leaves out. Not thread-safe: the Learningbank holding it is.
 */
final class InMemoryUsers {
    /** What the users may refer to, and what a create gets when it names none. */
    record References(Predicate<String> department, Predicate<String> permissionType, Predicate<String> jobProfile,
                      String defaultPermissionType, String defaultJobProfile, String defaultLanguage) {
    }

    /** The language codes Learningbank accepts. */
    static final Set<String> LANGUAGES = Set.of("en", "da", "de", "es", "et_EE", "fi", "fr", "it", "ja", "lt", "lv_LV",
            "nl", "no", "pl", "pt", "ro_RO", "ru", "sk", "sv", "us");

    private final Map<String, LbUser> users = new LinkedHashMap<>();

    List<LbUser> all() {
        return List.copyOf(users.values());
    }

    Optional<LbUser> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    LbUser get(String id) {
        return InMemoryLearningbank.existing(users, id, "user");
    }

    LbPage<LbUser> page(LbUserFilter filter, int page, int perPage) {
        return InMemoryLearningbank.page(users.values(), u -> (filter.externalId() == null || filter.externalId().equals(u.externalId()))
                && (filter.email() == null || filter.email().equalsIgnoreCase(u.email()))
                && (filter.departmentId() == null || u.departmentIds().contains(filter.departmentId()))
                && (filter.active() == null || filter.active() == u.active()), page, perPage);
    }

    Optional<LbUser> byExternalId(String externalId) {
        return users.values().stream().filter(u -> externalId.equals(u.externalId())).findFirst();
    }

    Optional<LbUser> byEmail(String email) {
        return users.values().stream().filter(u -> email.equalsIgnoreCase(u.email())).findFirst();
    }

    boolean anyIn(String departmentId) {
        return users.values().stream().anyMatch(u -> u.departmentIds().contains(departmentId));
    }

    LbUser create(String id, LbUserChange in, References refs) {
        LbUser user = new LbUser(id, in.externalId(), in.email(), in.firstName(), in.lastName(),
                or(in.active(), true), or(in.language(), refs.defaultLanguage()),
                distinct(or(in.departmentIds(), List.of())), distinct(or(in.permissionTypeIds(), List.of(refs.defaultPermissionType()))),
                or(in.jobProfileId(), refs.defaultJobProfile()));
        if (user.email() == null) {
            throw InMemoryLearningbank.invalid("email", "is required");
        }
        validate(user, refs);
        requireUnique(user);
        users.put(id, user);
        return user;
    }

    /** Replaces the fields the change names (lists as whole sets). */
    LbUser update(String id, LbUserChange change, References refs) {
        LbUser current = get(id);
        LbUser merged = new LbUser(id, or(change.externalId(), current.externalId()), or(change.email(), current.email()),
                or(change.firstName(), current.firstName()), or(change.lastName(), current.lastName()),
                or(change.active(), current.active()), or(change.language(), current.language()),
                distinct(or(change.departmentIds(), current.departmentIds())),
                distinct(or(change.permissionTypeIds(), current.permissionTypeIds())),
                or(change.jobProfileId(), current.jobProfileId()));
        validate(merged, refs);
        requireUnique(merged);
        users.put(id, merged);
        return merged;
    }

    void delete(String id) {
        get(id);
        users.remove(id);
    }

    /** Learningbank takes a deleted permission type off every user holding it. */
    void removePermissionType(String typeId) {
        users.replaceAll((id, u) -> u.permissionTypeIds().contains(typeId) ? new LbUser(u.id(), u.externalId(), u.email(),
                u.firstName(), u.lastName(), u.active(), u.language(), u.departmentIds(),
                u.permissionTypeIds().stream().filter(t -> !t.equals(typeId)).toList(), u.jobProfileId()) : u);
    }

    private static void validate(LbUser user, References refs) {
        if (user.departmentIds().isEmpty()) {
            throw InMemoryLearningbank.invalid("department_ids", "at least one");
        }
        for (String department : user.departmentIds()) {
            if (!refs.department().test(department)) {
                throw InMemoryLearningbank.invalid("department_ids", "unknown department: " + department);
            }
        }
        for (String type : user.permissionTypeIds()) {
            if (!refs.permissionType().test(type)) {
                throw InMemoryLearningbank.invalid("permission_type_ids", "unknown permission type: " + type);
            }
        }
        if (!LANGUAGES.contains(user.language())) {
            throw InMemoryLearningbank.invalid("language", "unknown language: " + user.language());
        }
        if (user.jobProfileId() != null && !refs.jobProfile().test(user.jobProfileId())) {
            throw InMemoryLearningbank.invalid("job_profile_id", "unknown job profile: " + user.jobProfileId());
        }
    }

    private void requireUnique(LbUser user) {
        for (LbUser other : users.values()) {
            if (other.id().equals(user.id())) {
                continue;
            }
            if (other.email().equalsIgnoreCase(user.email())) {
                throw new LearningbankConflictException("duplicate_email", "email taken: " + user.email());
            }
            if (user.externalId() != null && user.externalId().equals(other.externalId())) {
                throw new LearningbankConflictException("duplicate_external_id", "external id taken: " + user.externalId());
            }
        }
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
