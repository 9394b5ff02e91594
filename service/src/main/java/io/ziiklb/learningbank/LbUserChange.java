package io.ziiklb.learningbank;

import java.util.List;

/**
 * The fields of a user to send on create or update. A null field is not sent: on create
 * Learningbank applies its default (job profile, permission types, language, active), on update
 * the field stays as it is. Lists replace the user's whole set.
 */
public record LbUserChange(String externalId, String email, String firstName, String lastName, Boolean active,
                           String language, List<String> departmentIds, List<String> permissionTypeIds,
                           String jobProfileId) {

    public static LbUserChange none() {
        return new LbUserChange(null, null, null, null, null, null, null, null, null);
    }

    public LbUserChange withExternalId(String v) {
        return new LbUserChange(v, email, firstName, lastName, active, language, departmentIds, permissionTypeIds, jobProfileId);
    }

    public LbUserChange withEmail(String v) {
        return new LbUserChange(externalId, v, firstName, lastName, active, language, departmentIds, permissionTypeIds, jobProfileId);
    }

    public LbUserChange withName(String first, String last) {
        return new LbUserChange(externalId, email, first, last, active, language, departmentIds, permissionTypeIds, jobProfileId);
    }

    public LbUserChange withActive(Boolean v) {
        return new LbUserChange(externalId, email, firstName, lastName, v, language, departmentIds, permissionTypeIds, jobProfileId);
    }

    public LbUserChange withLanguage(String v) {
        return new LbUserChange(externalId, email, firstName, lastName, active, v, departmentIds, permissionTypeIds, jobProfileId);
    }

    public LbUserChange withDepartmentIds(List<String> v) {
        return new LbUserChange(externalId, email, firstName, lastName, active, language, v, permissionTypeIds, jobProfileId);
    }

    public LbUserChange withPermissionTypeIds(List<String> v) {
        return new LbUserChange(externalId, email, firstName, lastName, active, language, departmentIds, v, jobProfileId);
    }

    public LbUserChange withJobProfileId(String v) {
        return new LbUserChange(externalId, email, firstName, lastName, active, language, departmentIds, permissionTypeIds, v);
    }

}
