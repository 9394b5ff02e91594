package io.ziiklb.ziik;

/**
 * A Ziik account as {@code GET /users/current} shows it: the integration's own account, or a
 * person who signed in with their own Ziik email and password.
 *
 * @param admin whether Ziik says the account is an administrator ({@code "admin": true})
 */
public record ZiikAccount(long id, String email, String firstName, String lastName, boolean admin) {

    /** First and last name as people see them in Ziik; empty parts are left out. */
    public String displayName() {
        return (firstName + " " + lastName).trim();
    }
}
