package io.ziiklb.simulator.learningbank;

import java.util.List;
import java.util.Set;

/**
 * The user fields a create or a patch carries. {@code present} says which fields the caller gave,
 * so that an explicit null (clearing {@code external_id}) differs from an omitted field (a default
 * on create, unchanged on patch). Values are not yet validated.
 */
record UserInput(
        Set<UserField> present,
        String externalId,
        String email,
        String firstName,
        String lastName,
        Boolean isActive,
        String language,
        List<String> departmentIds,
        List<String> permissionTypeIds,
        String jobProfileId) {

    UserInput {
        present = Set.copyOf(present);
    }

    boolean has(UserField field) {
        return present.contains(field);
    }

    Object value(UserField field) {
        return switch (field) {
            case EXTERNAL_ID -> externalId;
            case EMAIL -> email;
            case FIRST_NAME -> firstName;
            case LAST_NAME -> lastName;
            case IS_ACTIVE -> isActive;
            case LANGUAGE -> language;
            case DEPARTMENT_IDS -> departmentIds;
            case PERMISSION_TYPE_IDS -> permissionTypeIds;
            case JOB_PROFILE_ID -> jobProfileId;
        };
    }
}
