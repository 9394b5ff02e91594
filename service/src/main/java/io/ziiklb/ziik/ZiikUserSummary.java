package io.ziiklb.ziik;

/** A row of Ziik's user lists, which carry no email, language or roles. */
public record ZiikUserSummary(long id, String firstName, String lastName, boolean active) {
}
