package io.ziiklb.simulator.learningbank;

import static io.ziiklb.simulator.learningbank.UserField.DEPARTMENT_IDS;
import static io.ziiklb.simulator.learningbank.UserField.EMAIL;
import static io.ziiklb.simulator.learningbank.UserField.EXTERNAL_ID;
import static io.ziiklb.simulator.learningbank.UserField.FIRST_NAME;
import static io.ziiklb.simulator.learningbank.UserField.IS_ACTIVE;
import static io.ziiklb.simulator.learningbank.UserField.JOB_PROFILE_ID;
import static io.ziiklb.simulator.learningbank.UserField.LANGUAGE;
import static io.ziiklb.simulator.learningbank.UserField.LAST_NAME;
import static io.ziiklb.simulator.learningbank.UserField.PERMISSION_TYPE_IDS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The users, indexed for the lookups a sync of 100,000 users makes: by id, email
 * (case-insensitive), external id and department, each in creation order. Owns the uniqueness rules
 * (409) and the create defaults; validation is {@link UserValidator}'s. Not thread-safe:
 * {@link LearningbankState} guards it.
 */
final class Users {
    private static final String ID_PREFIX = "u-";

    /** Keyed by the number in the id, so that iteration is creation order. */
    private final TreeMap<Long, User> bySeq = new TreeMap<>();
    private final Map<String, Long> seqByLowerEmail = new HashMap<>();
    private final Map<String, Long> seqByExternalId = new HashMap<>();
    private final Map<String, TreeSet<Long>> seqsByDepartment = new HashMap<>();
    private long sequence;

    User find(String id) {
        Long seq = seqOf(id);
        return seq == null ? null : bySeq.get(seq);
    }

    User get(String id) {
        User user = find(id);
        if (user == null) {
            throw Problems.notFound("user", id);
        }
        return user;
    }

    User findByEmail(String email) {
        Long seq = seqByLowerEmail.get(lower(email));
        return seq == null ? null : bySeq.get(seq);
    }

    User findByExternalId(String externalId) {
        Long seq = seqByExternalId.get(externalId);
        return seq == null ? null : bySeq.get(seq);
    }

    Collection<User> all() {
        return bySeq.values();
    }

    boolean anyInDepartment(String departmentId) {
        return seqsByDepartment.containsKey(departmentId); // emptied sets are removed
    }

    /** Starts from the narrowest index the filter allows, then applies the rest of the filter. */
    Page<User> list(UserFilter filter, PageRequest request) {
        Iterable<User> candidates;
        if (filter.externalId() != null) {
            candidates = single(findByExternalId(filter.externalId()));
        } else if (filter.email() != null) {
            candidates = single(findByEmail(filter.email()));
        } else if (filter.departmentId() != null) {
            Set<Long> seqs = seqsByDepartment.get(filter.departmentId());
            candidates = seqs == null ? List.of() : () -> seqs.stream().map(bySeq::get).iterator();
        } else {
            candidates = bySeq.values();
        }
        return Page.of(candidates, filter::test, request);
    }

    User create(UserInput in, UserReferences refs, Instant now) {
        UserValidator.validate(in, true, refs);
        long seq = sequence + 1;
        requireUnique(in.email(), in.externalId(), seq);
        sequence = seq;
        User user = new User(ID_PREFIX + seq, in.externalId(), in.email(), in.firstName(), in.lastName(),
                !in.has(IS_ACTIVE) || in.isActive(),
                in.has(LANGUAGE) ? in.language() : refs.defaultLanguage(),
                distinct(in.departmentIds()),
                in.has(PERMISSION_TYPE_IDS) ? distinct(in.permissionTypeIds()) : List.of(refs.defaultPermissionTypeId()),
                in.has(JOB_PROFILE_ID) ? in.jobProfileId() : refs.defaultJobProfileId(),
                now, now);
        index(seq, user);
        return user;
    }

    /**
     * Replaces the given fields (arrays as whole sets). {@code updated_at} moves only when something
     * changed, so a repeated patch is a true no-op.
     */
    User update(String id, UserInput in, UserReferences refs, Instant now) {
        User current = get(id);
        UserValidator.validate(in, false, refs);
        User merged = new User(id,
                in.has(EXTERNAL_ID) ? in.externalId() : current.externalId(),
                in.has(EMAIL) ? in.email() : current.email(),
                in.has(FIRST_NAME) ? in.firstName() : current.firstName(),
                in.has(LAST_NAME) ? in.lastName() : current.lastName(),
                in.has(IS_ACTIVE) ? in.isActive() : current.isActive(),
                in.has(LANGUAGE) ? in.language() : current.language(),
                in.has(DEPARTMENT_IDS) ? distinct(in.departmentIds()) : current.departmentIds(),
                in.has(PERMISSION_TYPE_IDS) ? distinct(in.permissionTypeIds()) : current.permissionTypeIds(),
                in.has(JOB_PROFILE_ID) ? in.jobProfileId() : current.jobProfileId(),
                current.createdAt(), current.updatedAt());
        if (merged.equals(current)) {
            return current;
        }
        long seq = seqOf(id);
        requireUnique(merged.email(), merged.externalId(), seq);
        unindex(seq, current);
        User updated = merged.withUpdatedAt(now);
        index(seq, updated);
        return updated;
    }

    void delete(String id) {
        User current = get(id);
        unindex(seqOf(id), current);
    }

    /** Takes a deleted permission type away from every holder; a rare call, so a scan will do. */
    void removePermissionType(String typeId, Instant now) {
        for (Map.Entry<Long, User> entry : bySeq.entrySet()) {
            User user = entry.getValue();
            if (user.permissionTypeIds().contains(typeId)) {
                List<String> rest = user.permissionTypeIds().stream().filter(t -> !t.equals(typeId)).toList();
                entry.setValue(user.withPermissionTypeIds(rest).withUpdatedAt(now));
            }
        }
    }

    private void requireUnique(String email, String externalId, long ownSeq) {
        Long emailHolder = seqByLowerEmail.get(lower(email));
        if (emailHolder != null && emailHolder != ownSeq) {
            throw Problems.duplicateEmail(email);
        }
        Long externalHolder = externalId == null ? null : seqByExternalId.get(externalId);
        if (externalHolder != null && externalHolder != ownSeq) {
            throw Problems.duplicateExternalId(externalId);
        }
    }

    private void index(long seq, User user) {
        bySeq.put(seq, user);
        seqByLowerEmail.put(lower(user.email()), seq);
        if (user.externalId() != null) {
            seqByExternalId.put(user.externalId(), seq);
        }
        for (String departmentId : user.departmentIds()) {
            seqsByDepartment.computeIfAbsent(departmentId, k -> new TreeSet<>()).add(seq);
        }
    }

    private void unindex(long seq, User user) {
        bySeq.remove(seq);
        seqByLowerEmail.remove(lower(user.email()));
        if (user.externalId() != null) {
            seqByExternalId.remove(user.externalId());
        }
        for (String departmentId : user.departmentIds()) {
            Set<Long> members = seqsByDepartment.get(departmentId);
            members.remove(seq);
            if (members.isEmpty()) {
                seqsByDepartment.remove(departmentId);
            }
        }
    }

    /** The number in a well-formed user id, or null for an id this store never issued. */
    private static Long seqOf(String id) {
        if (id == null || !id.startsWith(ID_PREFIX)) {
            return null;
        }
        try {
            long seq = Long.parseLong(id.substring(ID_PREFIX.length()));
            return id.equals(ID_PREFIX + seq) ? seq : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static List<User> single(User user) {
        return user == null ? List.of() : List.of(user);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
