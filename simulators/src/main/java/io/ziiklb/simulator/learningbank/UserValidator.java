package io.ziiklb.simulator.learningbank;

import static io.ziiklb.simulator.learningbank.UserField.DEPARTMENT_IDS;
import static io.ziiklb.simulator.learningbank.UserField.EMAIL;
import static io.ziiklb.simulator.learningbank.UserField.EXTERNAL_ID;
import static io.ziiklb.simulator.learningbank.UserField.FIRST_NAME;
import static io.ziiklb.simulator.learningbank.UserField.JOB_PROFILE_ID;
import static io.ziiklb.simulator.learningbank.UserField.LANGUAGE;
import static io.ziiklb.simulator.learningbank.UserField.LAST_NAME;
import static io.ziiklb.simulator.learningbank.UserField.PERMISSION_TYPE_IDS;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The 422 rules of a user create or patch: required fields, null only where nullable, a plausible
 * email, a known language, at least one department, and ids that exist. Every offending field is
 * named in one answer. Uniqueness (409) is checked afterwards by {@link Users}.
 */
final class UserValidator {
    /** The language codes the contract accepts, exactly as spelled there. */
    static final Set<String> LANGUAGES = Set.of("en", "da", "de", "es", "et_EE", "fi", "fr", "it", "ja", "lt",
            "lv_LV", "nl", "no", "pl", "pt", "ro_RO", "ru", "sk", "sv", "us");

    private static final Set<UserField> REQUIRED_ON_CREATE = EnumSet.of(EMAIL, FIRST_NAME, LAST_NAME, DEPARTMENT_IDS);
    /** One {@code @}, something before it, a dot in the domain, no whitespace: plausible, not RFC 5322. */
    private static final Pattern PLAUSIBLE_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private UserValidator() {
    }

    /** @throws io.ziiklb.simulator.http.SimProblem 422 {@code validation_failed} naming each bad field */
    static void validate(UserInput in, boolean create, UserReferences refs) {
        FieldErrors errors = new FieldErrors();
        for (UserField field : UserField.values()) {
            if (!in.has(field)) {
                if (create && REQUIRED_ON_CREATE.contains(field)) {
                    errors.add(field.wireName, "is required");
                }
            } else if (in.value(field) == null && !field.nullable) {
                errors.add(field.wireName, REQUIRED_ON_CREATE.contains(field) ? "is required" : "must not be null");
            }
        }
        if (in.email() != null && !PLAUSIBLE_EMAIL.matcher(in.email()).matches()) {
            errors.add(EMAIL.wireName, "is not a plausible email address");
        }
        notBlank(errors, FIRST_NAME, in.firstName());
        notBlank(errors, LAST_NAME, in.lastName());
        notBlank(errors, EXTERNAL_ID, in.externalId());
        if (in.language() != null && !LANGUAGES.contains(in.language())) {
            errors.add(LANGUAGE.wireName, "must be one of " + String.join(" ", LANGUAGES.stream().sorted().toList()));
        }
        if (in.departmentIds() != null && in.departmentIds().isEmpty()) {
            errors.add(DEPARTMENT_IDS.wireName, "must contain at least one department");
        }
        known(errors, DEPARTMENT_IDS, in.departmentIds(), refs::departmentExists, "department");
        known(errors, PERMISSION_TYPE_IDS, in.permissionTypeIds(), refs::permissionTypeExists, "permission type");
        if (in.jobProfileId() != null) {
            known(errors, JOB_PROFILE_ID, List.of(in.jobProfileId()), refs::jobProfileExists, "job profile");
        }
        errors.throwIfAny();
    }

    private static void notBlank(FieldErrors errors, UserField field, String value) {
        if (value != null && value.isBlank()) {
            errors.add(field.wireName, "must not be blank");
        }
    }

    private static void known(FieldErrors errors, UserField field, List<String> ids, Predicate<String> exists,
                              String kind) {
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            if (id == null) {
                errors.add(field.wireName, "must not contain null");
            } else if (!exists.test(id)) {
                errors.add(field.wireName, "unknown " + kind + ": " + id);
            }
        }
    }
}
