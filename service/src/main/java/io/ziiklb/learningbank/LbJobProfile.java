package io.ziiklb.learningbank;

/** A job profile (read-only through the API). */
public record LbJobProfile(String id, String name, boolean isDefault) {
}
