package io.ziiklb.learningbank;

import java.util.List;
import java.util.Optional;

/**
 * The calls the sync engine ({@code io.ziiklb.sync}) makes to Learningbank, and only those:
 * {@link LearningbankClient} is the real one; tests use an in-memory one. Failures are the
 * {@link LearningbankException} family, as the client throws them; lookups return empty when
 * nothing matches.
 *
 * <p>It lives here, beside the records it takes and returns, rather than in {@code sync} beside
 * its user: {@code sync} imports those records, so an interface in {@code sync} that
 * {@code LearningbankClient} implements would make {@code learningbank} import {@code sync} as
 * well, a cycle.
 */
public interface LearningbankApi {
    /** Learningbank's largest page. */
    int MAX_PAGE = 200;

    // ---- departments

    LbPage<LbDepartment> departmentsPage(int page, int perPage);

    /** The department with this name (names are unique, compared case-insensitively). */
    Optional<LbDepartment> departmentByName(String name);

    /** @throws LearningbankConflictException {@code duplicate_name} when the name is taken */
    LbDepartment createDepartment(String name, String parentId);

    /** Renames and/or moves; a null argument is left as it is. */
    LbDepartment updateDepartment(String id, String name, String parentId);

    /** @throws LearningbankConflictException {@code department_not_empty} when it has users or departments */
    void deleteDepartment(String id);

    // ---- permission types

    LbPage<LbPermissionType> permissionTypesPage(int page, int perPage);

    Optional<LbPermissionType> permissionTypeByName(String name);

    /** @throws LearningbankConflictException {@code duplicate_name} when the name is taken */
    LbPermissionType createPermissionType(String name);

    LbPermissionType renamePermissionType(String id, String name);

    /** Deletes the type; Learningbank also removes it from every user holding it. */
    void deletePermissionType(String id);

    // ---- job profiles

    LbPage<LbJobProfile> jobProfilesPage(int page, int perPage);

    List<LbJobProfile> allJobProfiles();

    // ---- users

    LbPage<LbUser> usersPage(LbUserFilter filter, int page, int perPage);

    Optional<LbUser> userByExternalId(String externalId);

    Optional<LbUser> userByEmail(String email);

    /** @throws LearningbankNotFoundException when there is no such user */
    LbUser user(String id);

    /** @throws LearningbankConflictException {@code duplicate_email} or {@code duplicate_external_id} */
    LbUser createUser(LbUserChange user);

    LbUser updateUser(String id, LbUserChange change);
}
