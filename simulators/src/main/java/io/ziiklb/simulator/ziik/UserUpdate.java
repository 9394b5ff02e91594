package io.ziiklb.simulator.ziik;

/**
 * A change to a user's profile for {@link ZiikOrganisation#updateUser(int, UserUpdate)}. A null
 * field stays as it is. Start from {@link #none()} and add what changes.
 */
public record UserUpdate(String firstName, String lastName, String email, String language, String title) {

    public static UserUpdate none() {
        return new UserUpdate(null, null, null, null, null);
    }

    public UserUpdate withName(String newFirstName, String newLastName) {
        return new UserUpdate(newFirstName, newLastName, email, language, title);
    }

    public UserUpdate withEmail(String newEmail) {
        return new UserUpdate(firstName, lastName, newEmail, language, title);
    }

    public UserUpdate withLanguage(String newLanguage) {
        return new UserUpdate(firstName, lastName, email, newLanguage, title);
    }

    public UserUpdate withTitle(String newTitle) {
        return new UserUpdate(firstName, lastName, email, language, newTitle);
    }
}
