package io.ziiklb.simulator.ziik;

import java.util.List;

/**
 * A stored user, kept small because an organisation may hold 100,000 of them: the strings come
 * from shared pools where they can, and derived fields (full name, unit) are computed when
 * rendered. Immutable: a change replaces the row.
 *
 * @param memberships in the order they were added; never empty
 */
record UserRow(int id, String firstName, String lastName, String email, String title, String language,
               String timezone, boolean active, List<Membership> memberships) {

    String name() {
        return firstName + " " + lastName;
    }

    Membership firstMembership() {
        return memberships.getFirst();
    }

    UserRow withActive(boolean newActive) {
        return new UserRow(id, firstName, lastName, email, title, language, timezone, newActive, memberships);
    }

    UserRow withMemberships(List<Membership> newMemberships) {
        return new UserRow(id, firstName, lastName, email, title, language, timezone, active, List.copyOf(newMemberships));
    }

    UserRow with(UserUpdate u) {
        return new UserRow(id, or(u.firstName(), firstName), or(u.lastName(), lastName), or(u.email(), email),
                or(u.title(), title), or(u.language(), language), timezone, active, memberships);
    }

    private static String or(String changed, String current) {
        return changed == null ? current : changed;
    }
}
