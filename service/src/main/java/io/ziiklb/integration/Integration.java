package io.ziiklb.integration;

import java.time.Instant;

/** An integration, without its secrets. */
public record Integration(String id, boolean enabled, String ziikBaseUrl, String ziikUsername,
                          String learningbankBaseUrl, String learningbankUsername, IntegrationSettings settings,
                          Instant createdAt, Instant updatedAt) {

    public Integration withEnabled(boolean on, Instant now) {
        return new Integration(id, on, ziikBaseUrl, ziikUsername, learningbankBaseUrl, learningbankUsername, settings, createdAt, now);
    }

    public Integration withSettings(IntegrationSettings newSettings, Instant now) {
        return new Integration(id, enabled, ziikBaseUrl, ziikUsername, learningbankBaseUrl, learningbankUsername, newSettings, createdAt, now);
    }

    public Integration withZiik(String baseUrl, String username, Instant now) {
        return new Integration(id, enabled, baseUrl, username, learningbankBaseUrl, learningbankUsername, settings, createdAt, now);
    }

    public Integration withLearningbank(String baseUrl, String username, Instant now) {
        return new Integration(id, enabled, ziikBaseUrl, ziikUsername, baseUrl, username, settings, createdAt, now);
    }
}
