package io.ziiklb.simulator.ziik;

/**
 * The people {@link ZiikSimulator#seedPeople()} gives a tenant, so that a test or the demo can sign
 * in as a Ziik administrator and as an ordinary employee: both active members of the top unit
 * (with the roles "Administrator" and "Employee", created when missing), each with a Ziik-managed
 * password. Fixed emails and passwords, so they can be printed and typed.
 */
public record SeededPeople(Person administrator, Person employee) {
    static final String ADMINISTRATOR_EMAIL = "ada.admin@ziik.test";
    static final String EMPLOYEE_EMAIL = "erik.employee@ziik.test";

    /** A person who can sign in to Ziik. */
    public record Person(int id, String name, String email, String password, boolean admin) {
        @Override
        public String toString() {
            return name + " <" + email + "> password " + password + (admin ? " (Ziik administrator)" : " (not an administrator)");
        }
    }

    /**
     * Adds the two people, or, when users with their emails exist, gives those users the password
     * and admin flag again: calling it twice leaves the same two people. Fires {@code user.create}
     * for people it creates, as a Ziik admin adding them would.
     */
    static SeededPeople seed(ZiikOrganisation org) {
        return new SeededPeople(
                person(org, "Ada", "Admin", ADMINISTRATOR_EMAIL, "ada-secret", role(org, "Administrator"), true),
                person(org, "Erik", "Employee", EMPLOYEE_EMAIL, "erik-secret", role(org, "Employee"), false));
    }

    private static Person person(ZiikOrganisation org, String first, String last, String email, String password,
                                 int roleId, boolean admin) {
        int id = org.read(state -> {
            Integer existing = state.userByEmail(email);
            return existing == null ? 0 : existing;
        });
        if (id == 0) {
            id = org.createUser(NewUser.of(first, last, email, Membership.of(org.topUnitId(), roleId))
                    .withTitle(admin ? "Ziik administrator" : "Employee"));
        }
        org.reactivateUser(id);
        org.setPassword(id, password);
        org.setAdmin(id, admin);
        return new Person(id, first + " " + last, email, password, admin);
    }

    /** The role with this name, created when there is none. */
    private static int role(ZiikOrganisation org, String name) {
        int id = org.read(state -> state.roles().stream().filter(r -> r.name().equals(name)).mapToInt(RoleRow::id)
                .findFirst().orElse(0));
        return id != 0 ? id : org.createRole(name);
    }
}
