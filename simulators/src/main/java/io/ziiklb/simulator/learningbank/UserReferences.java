package io.ziiklb.simulator.learningbank;

/** What user validation and defaults need to know about the rest of the platform. */
interface UserReferences {
    boolean departmentExists(String id);

    boolean permissionTypeExists(String id);

    boolean jobProfileExists(String id);

    /** Null when no job profile is the default. */
    String defaultJobProfileId();

    String defaultPermissionTypeId();

    String defaultLanguage();
}
