package io.ziiklb.ziik;

/**
 * A row of Ziik's user lists, which carry no email, language or roles.
 *
 * @param unitId the user's primary unit ({@code unit.id} of the row), null when the row has none
 */
public record ZiikUserSummary(long id, String firstName, String lastName, boolean active, Long unitId) {

    /** A row without a primary unit. */
    public ZiikUserSummary(long id, String firstName, String lastName, boolean active) {
        this(id, firstName, lastName, active, null);
    }
}
