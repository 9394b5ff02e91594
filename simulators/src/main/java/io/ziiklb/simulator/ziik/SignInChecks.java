package io.ziiklb.simulator.ziik;

/**
 * The organisation's answers to the API's sign-in questions: who an email and password sign in
 * as, whether a token's user may still use the API, and whether they are an administrator. Each
 * reads the organisation as it is at that moment, so a deactivation or deletion counts at once.
 */
final class SignInChecks {
    private final ZiikOrganisation organisation;

    SignInChecks(ZiikOrganisation organisation) {
        this.organisation = organisation;
    }

    /**
     * The active user with this email (in any case) and password, or 0: unknown emails, wrong
     * passwords, users without a password and deactivated users all sign in as nobody.
     */
    int signIn(String email, String password) {
        return organisation.read(s -> {
            Integer id = email == null ? null : s.userByEmail(email);
            return id != null && mayUseApi(s, id) && s.credentials().passwordMatches(id, password) ? id : 0;
        });
    }

    /** Whether a token issued to this user still works: they exist, are not anonymised, and are active. */
    boolean mayUseApi(int userId) {
        return organisation.read(s -> mayUseApi(s, userId));
    }

    /** An active administrator; false for unknown users. */
    boolean isAdmin(int userId) {
        return organisation.read(s -> mayUseApi(s, userId) && s.credentials().isAdmin(userId));
    }

    private static boolean mayUseApi(OrgState s, int userId) {
        UserRow user = s.user(userId);
        return user != null && user.active();
    }
}
