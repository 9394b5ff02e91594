package io.ziiklb.sync;

import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.ziik.ZiikUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plans rules U1-U6: the Ziik unit tree, recreated as departments. */
final class DepartmentPlanner {
    private final UnitTree tree;
    private final Map<String, LbDepartment> departments;
    private final LbDepartment top;
    private final Map<Long, String> links;
    private final SyncSettings settings;
    private final PlanBuilder plan;

    private final Map<Long, String> kept = new LinkedHashMap<>();
    private final Map<Long, LbDepartment> deleting = new LinkedHashMap<>();
    private final Map<Long, Integer> createSteps = new HashMap<>();
    private final Map<Long, Integer> unitSteps = new HashMap<>();
    private final Map<String, Integer> deleteSteps = new HashMap<>();
    /** The units that get departments (mirrored, below the top), parents before children. */
    private final List<ZiikUnit> mirroredBelowTop;

    DepartmentPlanner(UnitTree tree, LbSnapshot lb, Map<Long, String> links, SyncSettings settings, PlanBuilder plan) {
        this.tree = tree;
        this.departments = lb.departments().stream().collect(Collectors.toMap(LbDepartment::id, Function.identity()));
        this.top = lb.top();
        this.links = links;
        this.settings = settings;
        this.plan = plan;
        this.mirroredBelowTop = tree.topDown().stream().filter(u -> u.id() != tree.top().id() && u.mirrored()).toList();
    }

    Departments plan() {
        linkTop();
        sortLinks();
        NameClaims.Outcome names = claimNames();
        planCreatesAndUpdates(names);
        planDeletes();
        orderByNames(names);
        return new Departments(tree, Map.copyOf(kept), Map.copyOf(createSteps), Map.copyOf(deleteSteps),
                Set.copyOf(links.values()));
    }

    /** Rule U1. */
    private void linkTop() {
        long topUnit = tree.top().id();
        if (!top.id().equals(links.get(topUnit))) {
            plan.add(new Operation.LinkTopDepartment(topUnit, top.id()));
        }
        kept.put(topUnit, top.id());
    }

    /** Splits the links into kept, deleted (unit gone or no longer mirrored) and stale (department gone). */
    private void sortLinks() {
        links.forEach((unitId, departmentId) -> {
            if (unitId == tree.top().id()) {
                return;
            }
            LbDepartment department = departments.get(departmentId);
            if (department == null || department.top()) {
                plan.add(new Operation.ForgetLink(ObjectKind.DEPARTMENT, unitId, departmentId));
                return;
            }
            boolean mirrored = tree.unit(unitId).map(ZiikUnit::mirrored).orElse(false);
            if (mirrored) {
                kept.put(unitId, departmentId);
            } else {
                deleting.put(unitId, department);
            }
        });
    }

    private String desiredName(ZiikUnit unit) {
        return settings.uniqueUnits() ? unit.name() + " (" + unit.id() + ")" : unit.name();
    }

    private NameClaims.Outcome claimNames() {
        List<NameClaims.Claimant> claimants = new ArrayList<>();
        for (ZiikUnit unit : mirroredBelowTop) {
            if (unit.name() == null || unit.name().isBlank()) {
                plan.problem(ObjectKind.DEPARTMENT, unit.id(), ProblemCode.INVALID_NAME.wireName(), "the unit has no name");
                continue;
            }
            String linked = kept.get(unit.id());
            claimants.add(new NameClaims.Claimant(unit.id(),
                    linked == null ? null : departments.get(linked).name(), desiredName(unit)));
        }
        Map<String, Long> unitByDepartment = new HashMap<>();
        kept.forEach((unit, dept) -> unitByDepartment.put(dept, unit));
        deleting.forEach((unit, dept) -> unitByDepartment.put(dept.id(), unit));
        Map<String, NameClaims.Holder> holders = new HashMap<>();
        for (LbDepartment d : departments.values()) {
            holders.put(NameClaims.key(d.name()), new NameClaims.Holder(d.id(), unitByDepartment.get(d.id())));
        }
        NameClaims.Outcome outcome = new NameClaims(claimants, holders, deleting.keySet(), false, "department").resolve();
        outcome.lost().forEach((unitId, reason) -> plan.problem(ObjectKind.DEPARTMENT, unitId, ProblemCode.NAME_CONFLICT.wireName(),
                reason + (kept.containsKey(unitId) ? "" : "; its users go to the nearest parent department")
                        + (settings.uniqueUnits() ? "" : " (turning on unique units avoids this)")));
        for (ZiikUnit unit : mirroredBelowTop) {
            if (!kept.containsKey(unit.id()) && outcome.names().containsKey(unit.id())) {
                createSteps.put(unit.id(), -1); // step index set below; marks that the unit will have a department
            }
        }
        return outcome;
    }

    /** Parents before children, so a step can wait for its parent's. */
    private void planCreatesAndUpdates(NameClaims.Outcome names) {
        Departments soFar = new Departments(tree, kept, createSteps, deleteSteps, Set.of());
        for (ZiikUnit unit : mirroredBelowTop) {
            long parent = soFar.effectiveUnit(tree.parentOf(unit.id()));
            String name = names.names().get(unit.id());
            Integer step = null;
            if (kept.containsKey(unit.id())) {
                LbDepartment current = departments.get(kept.get(unit.id()));
                // no name is decided for a unit without one (reported as invalid_name): it keeps its department's
                boolean rename = name != null && !current.name().equals(name);
                boolean move = createSteps.containsKey(parent) || !kept.get(parent).equals(current.parentId());
                if (rename || move) {
                    step = plan.add(new Operation.UpdateDepartment(unit.id(), current.id(), rename ? name : null,
                            move ? parent : null));
                }
            } else if (createSteps.containsKey(unit.id())) {
                step = plan.add(new Operation.CreateDepartment(unit.id(), name, parent));
                createSteps.put(unit.id(), step);
            }
            if (step != null) {
                unitSteps.put(unit.id(), step);
                for (long ancestor : tree.ancestors(unit.id())) {
                    plan.after(step, unitSteps.get(ancestor));
                }
            }
        }
    }

    /** Rule U5; children first, and after whatever moves departments out from under them. */
    private void planDeletes() {
        deleting.forEach((unitId, department) ->
                deleteSteps.put(department.id(), plan.add(new Operation.DeleteDepartment(unitId, department.id(), department.name()))));
        Map<String, Long> unitByDepartment = new HashMap<>();
        kept.forEach((unit, dept) -> unitByDepartment.put(dept, unit));
        for (LbDepartment child : departments.values()) {
            Integer parentDelete = child.parentId() == null ? null : deleteSteps.get(child.parentId());
            if (parentDelete == null) {
                continue;
            }
            plan.after(parentDelete, deleteSteps.get(child.id()));
            Long childUnit = unitByDepartment.get(child.id());
            if (childUnit != null) {
                plan.after(parentDelete, unitSteps.get(childUnit));
            }
        }
    }

    /** A step taking a name waits for the step that frees it. */
    private void orderByNames(NameClaims.Outcome names) {
        names.waitsFor().forEach((unitId, holderUnit) -> {
            Integer step = unitSteps.get(unitId);
            Integer frees = deleting.containsKey(holderUnit)
                    ? deleteSteps.get(deleting.get(holderUnit).id())
                    : unitSteps.get(holderUnit);
            if (step != null) {
                plan.after(step, frees);
            }
        });
    }
}
