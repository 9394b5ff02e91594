package io.ziiklb.simulator.ziik;

import java.util.Objects;

/**
 * A user to create with {@link ZiikOrganisation#createUser(NewUser)}: every user starts with one
 * membership (Ziik has no users outside a unit).
 *
 * @param language ISO-639-1 code for {@code settings.language}, e.g. {@code "da"}; any non-blank
 *                 code is accepted, including ones Learningbank does not know
 */
public record NewUser(String firstName, String lastName, String email, String language, String title,
                      Membership membership) {

    public NewUser {
        Objects.requireNonNull(membership, "membership");
        title = title == null ? "" : title;
    }

    /** A user speaking English with no title. */
    public static NewUser of(String firstName, String lastName, String email, Membership membership) {
        return new NewUser(firstName, lastName, email, "en", "", membership);
    }

    public NewUser withLanguage(String newLanguage) {
        return new NewUser(firstName, lastName, email, newLanguage, title, membership);
    }

    public NewUser withTitle(String newTitle) {
        return new NewUser(firstName, lastName, email, language, newTitle, membership);
    }
}
