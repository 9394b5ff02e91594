package io.ziiklb.sync;

import io.ziiklb.simulator.learningbank.Department;
import io.ziiklb.simulator.ziik.OrganisationView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The department tree rules U1-U4 and U6 ask for, as paths of names from the top department
 * ({@code <top>/Harbour/Kitchen}), computed from Ziik's own rows and what Learningbank held before
 * the integration's first synchronisation. Shares nothing with the planner.
 */
final class ExpectedTree {
    static final String TOP = "<top>";

    private final Map<Integer, OrganisationView.Unit> units;
    private final boolean uniqueUnits;
    /** lower-cased names of the departments Learningbank had before: never linked, so they block a unit's name (U6) */
    private final Set<String> takenNames;
    private final Map<Integer, String> paths = new HashMap<>();

    ExpectedTree(OrganisationView ziik, List<Department> original, boolean uniqueUnits) {
        this.units = ziik.unitsById();
        this.uniqueUnits = uniqueUnits;
        this.takenNames = original.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** U3: the name a unit's department must have. */
    String departmentName(OrganisationView.Unit unit) {
        return uniqueUnits ? unit.name() + " (" + unit.id() + ")" : unit.name();
    }

    /** U2: units of type unit (not Ziik departments) below the top have a department of their own, unless U6 says no. */
    boolean hasDepartment(int unitId) {
        OrganisationView.Unit unit = units.get(unitId);
        return unit != null && !unit.isTop() && !unit.isDepartment() && !inNameConflict(unitId);
    }

    /** U6: a department Learningbank held before (so one the integration has not linked) has the name. */
    boolean inNameConflict(int unitId) {
        OrganisationView.Unit unit = units.get(unitId);
        return unit != null && !unit.isTop() && !unit.isDepartment()
                && takenNames.contains(departmentName(unit).toLowerCase(Locale.ROOT));
    }

    /** Units Ziik has that U6 leaves without a department. */
    Set<Integer> conflicted() {
        return units.keySet().stream().filter(this::inNameConflict).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The department a membership of this unit counts for (P3, U6): the unit's own, or its nearest
     * ancestor's that has one, or the top department.
     */
    String effectivePath(int unitId) {
        for (Integer at = unitId; at != null; at = units.get(at).parentId()) {
            if (hasDepartment(at)) {
                return path(at);
            }
        }
        return TOP;
    }

    /** The path of the unit's own department (the unit must have one, or be the top). */
    String path(int unitId) {
        String known = paths.get(unitId);
        if (known == null) { // not computeIfAbsent: the parent's path is computed (and remembered) on the way
            OrganisationView.Unit unit = units.get(unitId);
            known = unit.isTop() ? TOP : effectivePath(unit.parentId()) + "/" + departmentName(unit);
            paths.put(unitId, known);
        }
        return known;
    }

    /** Unit id → its department's path, for every unit that must have a department, the top included. */
    Map<Integer, String> managedPaths() {
        Map<Integer, String> managed = new HashMap<>();
        for (OrganisationView.Unit unit : units.values()) {
            if (unit.isTop() || hasDepartment(unit.id())) {
                managed.put(unit.id(), path(unit.id()));
            }
        }
        return managed;
    }

    /** Names two units want at once: the rules do not say which gets it, so an organisation with them cannot be judged. */
    List<String> clashingNames() {
        Map<String, Integer> counts = new HashMap<>();
        units.values().stream().filter(u -> hasDepartment(u.id()))
                .forEach(u -> counts.merge(departmentName(u).toLowerCase(Locale.ROOT), 1, Integer::sum));
        List<String> clashes = new ArrayList<>();
        counts.forEach((name, n) -> {
            if (n > 1) {
                clashes.add(name);
            }
        });
        return clashes;
    }

    /** Department id → its path of names, for a Learningbank snapshot's departments. */
    static Map<String, String> pathsById(List<Department> departments) {
        Map<String, Department> byId = departments.stream().collect(Collectors.toMap(Department::id, d -> d));
        Map<String, String> paths = new HashMap<>();
        for (Department d : departments) {
            List<String> names = new ArrayList<>();
            for (Department at = d; at != null && !at.isTop(); at = byId.get(at.parentId())) {
                names.addFirst(at.name());
            }
            paths.put(d.id(), names.isEmpty() ? TOP : TOP + "/" + String.join("/", names));
        }
        return paths;
    }
}
