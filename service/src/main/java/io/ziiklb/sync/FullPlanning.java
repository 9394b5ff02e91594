package io.ziiklb.sync;

import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A full synchronisation's plan (rule L2), made while Ziik's users are still being read: the
 * permission types and departments first, then each user as soon as they are read, and last what
 * needs the whole picture: the linked users Ziik no longer has, users taking an email another user
 * gives up, the department and permission-type deletions, and every deactivation (the deletion
 * guard counts them against all linked users). {@link #runnable()} hands out the steps that may run
 * now; a step of the last kind, or waiting for one, waits for {@link #finish}. Planning every user
 * first and then finishing ({@link Planner#full}) gives the same plan.
 */
final class FullPlanning {
    private final PlanBuilder plan = new PlanBuilder();
    private final SyncSettings settings;
    private final Links links;
    private final UnitTree tree;
    private final Departments departments;
    private final UserPlanner users;
    private final Set<Integer> waitingForFinish = new TreeSet<>();
    private int lookedAt; // steps below this index have been handed out or put off
    private boolean finished;

    FullPlanning(List<ZiikUnit> units, List<ZiikRole> roles, LbSnapshot learningbank, Links links, SyncSettings settings) {
        this.settings = settings;
        this.links = links;
        this.tree = new UnitTree(units);
        PermissionTypes types = new PermissionTypePlanner(roles, learningbank.permissionTypes(), links.roles(), plan).plan();
        this.departments = new DepartmentPlanner(tree, learningbank, links.units(), settings, plan).plan();
        this.users = new UserPlanner(learningbank, links.users(), settings, new PlannedParts(departments, types), plan);
    }

    UnitTree tree() {
        return tree;
    }

    /** Plans one Ziik user as read (not anonymised; active or not). */
    void person(ZiikPerson person) {
        users.planPerson(person);
    }

    /**
     * Plans the rest, now that every Ziik user has been read, and applies the deletion guard.
     *
     * @param read the ids of the Ziik users read; a linked user not among them is gone
     */
    Plan finish(Set<Long> read) {
        Set<Long> gone = links.users().keySet().stream().filter(id -> !read.contains(id)).collect(Collectors.toSet());
        List<Integer> deactivations = users.finish(gone);
        finished = true;
        return Planner.guarded(plan, settings, tree, links, departments, deactivations, OptionalInt.of(links.users().size()));
    }

    /** The steps planned since last asked that may run now; after {@link #finish}, every step not handed out yet. */
    List<Plan.Step> runnable() {
        List<Plan.Step> now = new ArrayList<>();
        if (finished) {
            waitingForFinish.forEach(step -> now.add(plan.release(step)));
            waitingForFinish.clear();
        }
        for (; lookedAt < plan.size(); lookedAt++) {
            int step = lookedAt;
            if (!finished && (needsTheWholePicture(plan.operation(step))
                    || plan.waitsFor(step).stream().anyMatch(waitingForFinish::contains))) {
                waitingForFinish.add(step);
            } else {
                now.add(plan.release(step));
            }
        }
        return now;
    }

    /**
     * Deletions wait for every user to be moved out of them (rule O1), and the guard counts every
     * deactivation and department deletion before any runs (rule L6).
     */
    private static boolean needsTheWholePicture(Operation operation) {
        return operation instanceof Operation.DeleteDepartment || operation instanceof Operation.DeletePermissionType
                || operation instanceof Operation.DeactivateUser;
    }
}
