package io.ziiklb.bench;

import io.ziiklb.simulator.ziik.OrganisationView;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts the soak's changes by kind, read from Ziik's own rows before and after each one (the
 * random generator does not say what it did). One change is counted once, by what it did first in
 * this order: roles, units, users created or deleted, deactivated or reactivated, memberships, other
 * fields; so a unit deletion, for which the generator first moves the unit's members out, counts as
 * a unit deletion. A change that left Ziik as it was (Ziik refused it, or there was nothing to do:
 * no role to rename, an active user reactivated) is counted as {@value #NO_EFFECT}.
 */
final class ChangeKinds {
    static final String NO_EFFECT = "no effect";
    private final Map<String, Integer> counts = new TreeMap<>();

    /** Counts the change that turned {@code before} into {@code after}. */
    void count(OrganisationView before, OrganisationView after) {
        counts.merge(kind(before, after), 1, Integer::sum);
    }

    /** Kind → how many, in name order. */
    Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    static String kind(OrganisationView before, OrganisationView after) {
        String roles = changed(byId(before.roles(), OrganisationView.Role::id), byId(after.roles(), OrganisationView.Role::id),
                (was, now) -> was.name().equals(now.name()) ? null : "renamed", "role");
        if (roles != null) {
            return roles;
        }
        String units = changed(byId(before.units(), OrganisationView.Unit::id), byId(after.units(), OrganisationView.Unit::id),
                (was, now) -> !was.name().equals(now.name()) ? "renamed" : !Objects.equals(was.parentId(), now.parentId()) ? "moved" : null,
                "unit");
        if (units != null) {
            return units;
        }
        if (after.deletedUserIds().size() > before.deletedUserIds().size()) {
            return "user deleted";
        }
        String users = changed(byId(before.users(), OrganisationView.User::id), byId(after.users(), OrganisationView.User::id),
                ChangeKinds::userChange, "user");
        return users != null ? users : NO_EFFECT;
    }

    private static String userChange(OrganisationView.User was, OrganisationView.User now) {
        if (was.active() != now.active()) {
            return now.active() ? "reactivated" : "deactivated";
        }
        if (!was.memberships().equals(now.memberships())) {
            return "memberships changed";
        }
        return was.equals(now) ? null : "updated";
    }

    /** "<what> created", "<what> deleted" or "<what> <how>" for the first object that changed; null when none did. */
    private static <T> String changed(Map<Integer, T> before, Map<Integer, T> after, java.util.function.BiFunction<T, T, String> how,
                                      String what) {
        if (after.keySet().stream().anyMatch(id -> !before.containsKey(id))) {
            return what + " created";
        }
        if (before.keySet().stream().anyMatch(id -> !after.containsKey(id))) {
            return what + " deleted";
        }
        for (Map.Entry<Integer, T> now : after.entrySet()) {
            String change = how.apply(before.get(now.getKey()), now.getValue());
            if (change != null) {
                return what + " " + change;
            }
        }
        return null;
    }

    private static <T> Map<Integer, T> byId(java.util.List<T> items, Function<T, Integer> id) {
        return items.stream().collect(Collectors.toMap(id, t -> t));
    }
}
