package io.ziiklb.sync;

import java.util.List;

/**
 * Turns what Ziik and Learningbank hold, the links and the settings into the plan that makes
 * Learningbank what the sync rules say. Pure and deterministic: the same inputs give the same plan.
 * Permission types and departments come first in the plan, users after them, deletions where
 * their dependencies put them (rule O1).
 */
public final class Planner {
    private Planner() {
    }

    /** A full synchronisation (rule L2): linked users Ziik no longer has are gone; the deletion guard applies. */
    public static Plan full(ZiikSnapshot ziik, LbSnapshot learningbank, Links links, SyncSettings settings) {
        PlanBuilder plan = new PlanBuilder();
        UnitTree tree = new UnitTree(ziik.units());
        PermissionTypes types = new PermissionTypePlanner(ziik.roles(), learningbank.permissionTypes(), links.roles(), plan).plan();
        Departments departments = new DepartmentPlanner(tree, learningbank, links.units(), settings, plan).plan();
        List<Integer> deactivations = new UserPlanner(ziik, learningbank, links.users(), settings, departments, types, plan).plan();

        long linkedDepartments = links.units().keySet().stream().filter(unit -> unit != tree.top().id()).count();
        boolean tripped = settings.guard().trips(deactivations.size(), links.users().size())
                || settings.guard().trips(departments.deleteSteps().size(), (int) linkedDepartments);
        if (tripped) {
            deactivations.forEach(plan::hold);
            departments.deleteSteps().values().forEach(plan::hold);
        }
        return plan.build(tripped);
    }
}
