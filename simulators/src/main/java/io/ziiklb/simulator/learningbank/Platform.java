package io.ziiklb.simulator.learningbank;

/**
 * One platform's data: the four stores and the default language. {@link LearningbankState} swaps in
 * a fresh one on reset and guards every access with its lock.
 */
final class Platform implements UserReferences {
    final Departments departments;
    final PermissionTypes permissionTypes = new PermissionTypes();
    final JobProfiles jobProfiles = new JobProfiles();
    final Users users = new Users();
    private String defaultLanguage = LearningbankState.DEFAULT_LANGUAGE;

    Platform(String topDepartmentName) {
        departments = new Departments(topDepartmentName);
    }

    void setDefaultLanguage(String language) {
        if (!UserValidator.LANGUAGES.contains(language)) {
            throw FieldErrors.single("default_language", "unknown language: " + language);
        }
        defaultLanguage = language;
    }

    Settings settings() {
        return new Settings(jobProfiles.defaultId(), permissionTypes.defaultId(), defaultLanguage);
    }

    @Override
    public boolean departmentExists(String id) {
        return departments.find(id) != null;
    }

    @Override
    public boolean permissionTypeExists(String id) {
        return permissionTypes.find(id) != null;
    }

    @Override
    public boolean jobProfileExists(String id) {
        return jobProfiles.find(id) != null;
    }

    @Override
    public String defaultJobProfileId() {
        return jobProfiles.defaultId();
    }

    @Override
    public String defaultPermissionTypeId() {
        return permissionTypes.defaultId();
    }

    @Override
    public String defaultLanguage() {
        return defaultLanguage;
    }
}
