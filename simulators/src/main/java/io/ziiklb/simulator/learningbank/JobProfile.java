package io.ziiklb.simulator.learningbank;

/** A job profile; at most one is the platform default. Read-only over the API, seeded by tests. */
public record JobProfile(String id, String name, boolean isDefault) {
}
