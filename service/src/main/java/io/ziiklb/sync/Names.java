package io.ziiklb.sync;

import io.ziiklb.learningbank.LbUser;
import io.ziiklb.ziik.ZiikUser;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the objects a plan concerns are called, for the preview's summaries: an administrator
 * reads "under "Restaurant"", not "under unit 1042". Ziik's units, roles and users by Ziik id;
 * Learningbank's departments, permission types, job profiles and users by their id (a user being
 * deactivated may be gone from Ziik). {@link #NONE} knows no name and says ids, as before.
 */
public record Names(Map<Long, String> units, Map<Long, String> roles, Map<Long, String> people,
                    Map<String, String> departments, Map<String, String> permissionTypes,
                    Map<String, String> jobProfiles, Map<String, String> users) {

    public static final Names NONE = new Names(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** The names in both snapshots. */
    public static Names of(ZiikSnapshot ziik, LbSnapshot learningbank) {
        return new Names(
                byId(ziik.units(), u -> u.id(), u -> u.name()),
                byId(ziik.roles(), r -> r.id(), r -> r.name()),
                byId(ziik.people().values(), ZiikPerson::id, p -> label(p.user())),
                byId(learningbank.departments(), d -> d.id(), d -> d.name()),
                byId(learningbank.permissionTypes(), t -> t.id(), t -> t.name()),
                byId(learningbank.jobProfiles(), p -> p.id(), p -> p.name()),
                byId(learningbank.users(), LbUser::id, Names::label));
    }

    /** {@code "Kitchen"}, or {@code unit 1042} when the name is not known. */
    String unit(long id) {
        return quoted(units.get(id), "unit " + id);
    }

    /** The Ziik user {@code Ann Berg <ann@example.com>}, else the Learningbank user, else its id. */
    String user(long ziikId, String learningbankId) {
        String person = people.get(ziikId);
        if (person != null) {
            return person;
        }
        return learningbankId == null ? "Ziik user " + ziikId : users.getOrDefault(learningbankId, learningbankId);
    }

    /** The Learningbank department's current name, quoted, if known. */
    String department(String id) {
        return quoted(departments.get(id), null);
    }

    /** The Learningbank permission type's current name, quoted, if known. */
    String permissionType(String id) {
        return quoted(permissionTypes.get(id), null);
    }

    /** The units' names, or null when none is known (a summary without names says no more than before). */
    String unitList(Refs refs) {
        return list(refs, units);
    }

    /** The roles' names, or null when none is known. */
    String roleList(Refs refs) {
        return list(refs, roles);
    }

    /** The job profile's name, quoted, or null. */
    String jobProfile(String id) {
        return quoted(jobProfiles.get(id), null);
    }

    private static String list(Refs refs, Map<Long, String> names) {
        if (refs == null || refs.ziikIds().stream().noneMatch(names::containsKey)) {
            return null;
        }
        return refs.ziikIds().stream().map(id -> quoted(names.get(id), "#" + id)).collect(Collectors.joining(", "));
    }

    private static String quoted(String name, String otherwise) {
        return name == null ? otherwise : "\"" + name + "\"";
    }

    private static String label(ZiikUser user) {
        return label(user.firstName(), user.lastName(), user.email(), "Ziik user " + user.id());
    }

    private static String label(LbUser user) {
        return label(user.firstName(), user.lastName(), user.email(), user.id());
    }

    private static String label(String first, String last, String email, String otherwise) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        if (email == null || email.isBlank()) {
            return name.isEmpty() ? otherwise : name;
        }
        return name.isEmpty() ? email : name + " <" + email + ">";
    }

    private static <K, T> Map<K, String> byId(java.util.Collection<T> items, Function<T, K> id, Function<T, String> name) {
        Map<K, String> names = new HashMap<>();
        for (T item : items) {
            String shown = name.apply(item);
            if (shown != null) {
                names.putIfAbsent(id.apply(item), shown);
            }
        }
        return names;
    }
}
