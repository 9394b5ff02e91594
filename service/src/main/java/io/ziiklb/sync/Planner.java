package io.ziiklb.sync;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

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
        FullPlanning planning = new FullPlanning(ziik.units(), ziik.roles(), learningbank, links, settings);
        ziik.people().values().stream().sorted(Comparator.comparingLong(ZiikPerson::id)).forEach(planning::person);
        return planning.finish(ziik.people().keySet());
    }

    /**
     * Roles only (rule R1-R3), between full synchronisations: Ziik has no webhooks for roles, so they
     * are polled. Users get a new role's type when they are next reconciled.
     */
    public static Plan roles(List<io.ziiklb.ziik.ZiikRole> roles, List<io.ziiklb.learningbank.LbPermissionType> types,
                             Map<Long, Links.RoleLink> links) {
        PlanBuilder plan = new PlanBuilder();
        new PermissionTypePlanner(roles, types, links, plan).plan();
        return plan.build(false);
    }

    /**
     * The unit tree, between full synchronisations (rules U1-U6): departments are created, renamed,
     * moved and deleted as in a full synchronisation. The users of departments that are deleted are
     * planned too (rules P1-P8 for those alone), so that they are moved out first (rule O1); the other
     * users keep their departments, whose ids do not change. The deletion guard applies to the
     * department deletions and to the deactivations of those users.
     *
     * @param ziik         the tree; roles unused; the people of {@code learningbank.users()} Ziik still has
     * @param learningbank every department; the users in departments being deleted; the job profiles
     * @param links        all unit and role links; the user links of those users
     */
    public static Plan units(ZiikSnapshot ziik, LbSnapshot learningbank, Links links, SyncSettings settings) {
        PlanBuilder plan = new PlanBuilder();
        UnitTree tree = new UnitTree(ziik.units());
        Departments departments = new DepartmentPlanner(tree, learningbank, links.units(), settings, plan).plan();
        Set<Long> gone = links.users().keySet().stream().filter(id -> !ziik.people().containsKey(id)).collect(Collectors.toSet());
        List<Integer> deactivations = plan(new UserPlanner(learningbank, links.users(), settings,
                new PlannedParts(departments, linkedTypes(links)), plan), ziik, gone);
        return guarded(plan, settings, tree, links, departments, deactivations, OptionalInt.empty());
    }

    /**
     * Rule L6, for every plan that deletes: beyond the guard's threshold, every deactivation and
     * department deletion of the plan is held for an admin, and the rest of the plan still applies.
     *
     * @param linkedUsers the linked users the deactivations are a share of; empty when the plan sees
     *                    only some users (the unit tree's), whose deactivations are then held with
     *                    the deletions but do not count towards the threshold
     */
    static Plan guarded(PlanBuilder plan, SyncSettings settings, UnitTree tree, Links links, Departments departments,
                                List<Integer> deactivations, OptionalInt linkedUsers) {
        long linkedDepartments = links.units().keySet().stream().filter(unit -> unit != tree.top().id()).count();
        boolean tripped = linkedUsers.isPresent() && settings.guard().trips(deactivations.size(), linkedUsers.getAsInt())
                || settings.guard().trips(departments.deleteSteps().size(), (int) linkedDepartments);
        if (tripped) {
            deactivations.forEach(plan::hold);
            departments.deleteSteps().values().forEach(plan::hold);
        }
        return plan.build(tripped);
    }

    /** The permission types as the links say: for plans that do not plan roles. */
    private static PermissionTypes linkedTypes(Links links) {
        Map<Long, String> known = new java.util.HashMap<>();
        links.roles().forEach((role, link) -> known.put(role, link.permissionTypeId()));
        return new PermissionTypes(known, Map.of(), Set.copyOf(known.values()), Set.of());
    }

    /**
     * One user, between full synchronisations: the departments and permission types are taken as
     * the links say (a unit or role not linked yet counts as its nearest linked ancestor, or not at
     * all, until the next full synchronisation). The deletion guard does not apply to one user.
     *
     * @param person       the user as Ziik has it, or empty when Ziik says it is gone
     * @param learningbank the Learningbank users that may be this one (linked, or matching by
     *                     external id or email) and the job profiles; departments and types unused
     * @param links        all unit and role links; the user links of {@code person} and of the candidates
     */
    public static Plan user(long ziikUserId, java.util.Optional<ZiikPerson> person, LbSnapshot learningbank, Links links,
                            UnitTree tree, SyncSettings settings) {
        PlanBuilder plan = new PlanBuilder();
        Departments departments = new Departments(tree, links.units(), Map.of(), Map.of(), Set.copyOf(links.units().values()));
        PermissionTypes types = linkedTypes(links);
        ZiikSnapshot one = new ZiikSnapshot(List.of(), List.of(), person.map(p -> Map.of(p.id(), p)).orElse(Map.of()));
        plan(new UserPlanner(learningbank, links.users(), settings, new PlannedParts(departments, types), plan), one,
                person.isPresent() ? Set.of() : Set.of(ziikUserId));
        return plan.build(false);
    }

    /** Plans every person of {@code ziik}, in id order, and the linked users in {@code gone}; returns the deactivations. */
    private static List<Integer> plan(UserPlanner users, ZiikSnapshot ziik, Set<Long> gone) {
        ziik.people().values().stream().sorted(Comparator.comparingLong(ZiikPerson::id)).forEach(users::planPerson);
        return users.finish(gone);
    }
}
