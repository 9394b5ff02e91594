package io.ziiklb.ziik;

/**
 * A Ziik user as {@code GET /users/{id}} returns it.
 *
 * @param language ISO-639-1 from {@code settings.language}; null when Ziik gives none
 */
public record ZiikUser(long id, String firstName, String lastName, String email, boolean active, String language) {
}
