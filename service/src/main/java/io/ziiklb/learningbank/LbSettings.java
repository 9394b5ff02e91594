package io.ziiklb.learningbank;

/** The platform's settings. {@code defaultJobProfileId} is null when no default is assigned. */
public record LbSettings(String platformUrl, String defaultJobProfileId, String defaultPermissionTypeId,
                         String defaultLanguage) {
}
