package io.ziiklb.bench;

import io.ziiklb.simulator.learningbank.Department;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.learningbank.PermissionType;
import io.ziiklb.simulator.learningbank.User;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Objects Learningbank holds twice, counted straight from its rows and apart from the oracle: the
 * failure a retried create after a lost response or a killed instance would leave. Users twice by
 * external id or by email; departments twice by name (with unique units on, each unit's name ends
 * in its id, so two departments of one name are one unit made twice); permission types twice by
 * name. Names and emails are compared as Learningbank compares them, ignoring case.
 *
 * @param examples up to ten of them, for the report
 */
record Duplicates(int users, int departments, int permissionTypes, List<String> examples) {

    static Duplicates in(LearningbankState.Snapshot learningbank) {
        Map<String, List<User>> byExternalId = group(learningbank.users().stream().filter(u -> u.externalId() != null).toList(),
                User::externalId);
        Map<String, List<User>> byEmail = group(learningbank.users(), u -> u.email().toLowerCase(Locale.ROOT));
        Map<String, List<Department>> departments = group(learningbank.departments(), d -> d.name().toLowerCase(Locale.ROOT));
        Map<String, List<PermissionType>> types = group(learningbank.permissionTypes(), t -> t.name().toLowerCase(Locale.ROOT));
        List<String> examples = java.util.stream.Stream.of(
                        repeated(byExternalId, "user with external id "), repeated(byEmail, "user with email "),
                        repeated(departments, "department "), repeated(types, "permission type "))
                .flatMap(List::stream).limit(10).toList();
        return new Duplicates(extra(byExternalId) + extra(byEmail), extra(departments), extra(types), examples);
    }

    int total() {
        return users + departments + permissionTypes;
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        return items.stream().filter(i -> Objects.nonNull(key.apply(i))).collect(Collectors.groupingBy(key));
    }

    /** How many more there are than one of each. */
    private static <T> int extra(Map<String, List<T>> groups) {
        return groups.values().stream().mapToInt(g -> g.size() - 1).sum();
    }

    private static <T> List<String> repeated(Map<String, List<T>> groups, String what) {
        return groups.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> what + "\"" + e.getKey() + "\" x" + e.getValue().size()).toList();
    }
}
