package io.ziiklb.simulator.learningbank;

import java.util.EnumSet;
import java.util.List;

/**
 * A user to seed through {@link LearningbankState#seedUser}. A null component counts as omitted and
 * gets the same default as an omitted field of {@code POST /users}: no external id, active, the
 * platform's default language, default permission type and default job profile.
 */
public record NewUser(
        String externalId,
        String email,
        String firstName,
        String lastName,
        Boolean isActive,
        String language,
        List<String> departmentIds,
        List<String> permissionTypeIds,
        String jobProfileId) {

    /** The shortest useful user: active, defaults everywhere, in the given departments. */
    public static NewUser of(String externalId, String email, String firstName, String lastName,
                             List<String> departmentIds) {
        return new NewUser(externalId, email, firstName, lastName, null, null, departmentIds, null, null);
    }

    public NewUser withActive(boolean active) {
        return new NewUser(externalId, email, firstName, lastName, active, language, departmentIds,
                permissionTypeIds, jobProfileId);
    }

    public NewUser withLanguage(String lang) {
        return new NewUser(externalId, email, firstName, lastName, isActive, lang, departmentIds,
                permissionTypeIds, jobProfileId);
    }

    public NewUser withPermissionTypeIds(List<String> ids) {
        return new NewUser(externalId, email, firstName, lastName, isActive, language, departmentIds,
                ids, jobProfileId);
    }

    public NewUser withJobProfileId(String id) {
        return new NewUser(externalId, email, firstName, lastName, isActive, language, departmentIds,
                permissionTypeIds, id);
    }

    UserInput toInput() {
        EnumSet<UserField> present = EnumSet.noneOf(UserField.class);
        addIf(present, UserField.EXTERNAL_ID, externalId);
        addIf(present, UserField.EMAIL, email);
        addIf(present, UserField.FIRST_NAME, firstName);
        addIf(present, UserField.LAST_NAME, lastName);
        addIf(present, UserField.IS_ACTIVE, isActive);
        addIf(present, UserField.LANGUAGE, language);
        addIf(present, UserField.DEPARTMENT_IDS, departmentIds);
        addIf(present, UserField.PERMISSION_TYPE_IDS, permissionTypeIds);
        addIf(present, UserField.JOB_PROFILE_ID, jobProfileId);
        return new UserInput(present, externalId, email, firstName, lastName, isActive, language,
                departmentIds, permissionTypeIds, jobProfileId);
    }

    private static void addIf(EnumSet<UserField> present, UserField field, Object value) {
        if (value != null) {
            present.add(field);
        }
    }
}
