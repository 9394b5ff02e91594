package io.ziiklb.sync;

import java.util.Map;

/**
 * The integration's links from Ziik ids to Learningbank ids, as they stand when planning.
 *
 * @param units units to department ids (the top unit to the top department)
 * @param roles roles to permission types
 * @param users users to user ids
 * @param createIntents units whose department create was sent (or about to be) without its link
 *                      being written yet, to the name it was created with
 * @param typeIntents   roles whose permission type create was sent (or about to be) without its
 *                      link being written yet, to the name it was created with
 */
public record Links(Map<Long, String> units, Map<Long, RoleLink> roles, Map<Long, String> users,
                    Map<Long, String> createIntents, Map<Long, String> typeIntents) {
    public Links {
        units = Map.copyOf(units);
        roles = Map.copyOf(roles);
        users = Map.copyOf(users);
        createIntents = Map.copyOf(createIntents);
        typeIntents = Map.copyOf(typeIntents);
    }

    public Links(Map<Long, String> units, Map<Long, RoleLink> roles, Map<Long, String> users,
                 Map<Long, String> createIntents) {
        this(units, roles, users, createIntents, Map.of());
    }

    public Links(Map<Long, String> units, Map<Long, RoleLink> roles, Map<Long, String> users) {
        this(units, roles, users, Map.of());
    }

    public static Links none() {
        return new Links(Map.of(), Map.of(), Map.of());
    }

    /** A role's permission type; {@code adopted} when it existed before and must never be deleted (rule R2). */
    public record RoleLink(String permissionTypeId, boolean adopted) {
    }
}
