package io.ziiklb.sync;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the members of units left in a name conflict (rule U6) are placed: a conflicted unit has no
 * department, so its members go to its nearest linked ancestor's department, at the latest the top
 * department. The link store keeps the placement each synchronisation leaves, because Ziik cannot
 * list a unit's members: when a later tree reconcile places a unit's members elsewhere (the unit
 * moved, an ancestor in between was created or deleted, or the conflict was resolved and the unit
 * has its own department now), the users of the department they were placed in are the only ones
 * to look at again (rule L3).
 */
public final class ConflictPlacements {
    private ConflictPlacements() {
    }

    /** The units a plan and its applying found in a name conflict (rule U6). */
    public static Set<Long> nameConflicts(Plan plan, ExecutionReport report) {
        return Stream.concat(plan.problems().stream(), report.problems().stream())
                .filter(p -> p.kind() == ObjectKind.DEPARTMENT && ProblemCode.NAME_CONFLICT.isCodeOf(p))
                .map(Problem::ziikId).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Where the members of each conflicted unit still without a department go, with the links as
     * they stand after applying: the department the executor resolves their unit to. A unit
     * that kept its department (a refused rename) places its members there and is not listed.
     */
    public static Map<Long, String> now(UnitTree tree, LinkStore links, Set<Long> conflicted, String topDepartmentId) {
        Map<Long, String> placed = new HashMap<>();
        for (long unit : conflicted) {
            if (tree.unit(unit).isEmpty() || unit == tree.top().id() || links.department(unit).isPresent()) {
                continue;
            }
            placed.put(unit, tree.departmentFor(unit, links::department, topDepartmentId));
        }
        return placed;
    }

    /**
     * The departments that some unit's members were placed in before and are not now: the unit
     * moved, its conflict was resolved, or it is gone. A unit placed only now has nothing to leave
     * (its members arrive by their own hints, or the full synchronisation placed them).
     */
    public static Set<String> left(Map<Long, String> before, Map<Long, String> now) {
        Set<String> left = new LinkedHashSet<>();
        before.forEach((unit, department) -> {
            if (!Objects.equals(now.get(unit), department)) {
                left.add(department);
            }
        });
        return left;
    }

    /** Makes the store's placements {@code now}, writing only what differs from {@code before}. */
    public static void record(LinkStore links, Map<Long, String> before, Map<Long, String> now) {
        before.keySet().stream().filter(unit -> !now.containsKey(unit)).forEach(links::dropConflictPlacement);
        now.forEach((unit, department) -> {
            if (!department.equals(before.get(unit))) {
                links.placeConflicted(unit, department);
            }
        });
    }
}
