package io.ziiklb.ziik;

/** The account the integration signs in with ({@code GET /users/current}). */
public record ZiikAccount(long id, String email, boolean admin) {
}
