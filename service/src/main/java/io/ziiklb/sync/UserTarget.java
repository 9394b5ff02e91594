package io.ziiklb.sync;

/**
 * The fields of a Learningbank user to write. A null field is not written: on create Learningbank
 * applies its default, on update the field stays as it is.
 */
public record UserTarget(String externalId, String email, String firstName, String lastName, Boolean active,
                         String language, Refs departments, Refs permissionTypes, String jobProfileId) {

    static UserTarget empty() {
        return new UserTarget(null, null, null, null, null, null, null, null, null);
    }

    UserTarget withDepartments(Refs refs) {
        return new UserTarget(externalId, email, firstName, lastName, active, language, refs, permissionTypes, jobProfileId);
    }

    boolean isEmpty() {
        return equals(empty());
    }
}
