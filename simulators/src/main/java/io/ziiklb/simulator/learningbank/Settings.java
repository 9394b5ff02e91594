package io.ziiklb.simulator.learningbank;

/**
 * The platform settings the API exposes (the platform URL is added by the HTTP layer, which knows it).
 *
 * @param defaultJobProfileId null when no job profile is the default
 */
public record Settings(String defaultJobProfileId, String defaultPermissionTypeId, String defaultLanguage) {
}
