package io.ziiklb.sync;

import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LearningbankApi;
import io.ziiklb.ziik.ZiikReads;
import io.ziiklb.ziik.ZiikUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unit tree between full synchronisations (rule L3 for units): reads Ziik's tree and
 * Learningbank's departments, and creates, renames, moves and deletes departments as rules U1-U6
 * say. Only the users of departments about to be deleted are read and planned (they are moved out
 * first); everyone else keeps their department, whose id does not change. The members of a unit in
 * a name conflict (rule U6) are placed in its nearest linked ancestor's department: when that
 * placement changes, the linked users of the department they were placed in are returned for a
 * one-user reconcile each ({@link Result#replacing()}), since Ziik cannot list a unit's members.
 * On an unchanged tree it writes nothing and reads no users.
 */
public final class UnitsReconciler {
    /**
     * @param tree              Ziik's tree as read
     * @param users             the Ziik users planned too (those in departments being deleted)
     * @param neverSynchronised the integration has had no full synchronisation yet: nothing was done
     * @param needsFullSync     the deletion guard held this plan's deletions: a full synchronisation
     *                          (which asks the admin) must decide them
     * @param replacing         linked Ziik users of departments that a conflicted unit's members were
     *                          placed in and are not any more (rule U6): each needs a one-user
     *                          reconcile, which places them as the new tree says
     */
    public record Result(Plan plan, ExecutionReport report, UnitTree tree, Set<Long> users, boolean neverSynchronised,
                         boolean needsFullSync, Set<Long> replacing) {
        public Result {
            users = Set.copyOf(users);
            replacing = Set.copyOf(replacing);
        }

        /**
         * The units left in a name conflict (rule U6), found while planning or applying: they stay
         * unlinked until the admin resolves the conflict. Empty when nothing was planned.
         */
        public Set<Long> nameConflicts() {
            return plan == null ? Set.of() : ConflictPlacements.nameConflicts(plan, report);
        }
    }

    private final SyncContext context;
    private final ZiikReads ziik;
    private final LearningbankApi learningbank;
    private final LinkStore links;
    private final SnapshotReader reader;

    public UnitsReconciler(SyncContext context) {
        this.context = context;
        this.ziik = context.ziik();
        this.learningbank = context.learningbank();
        this.links = context.links();
        this.reader = context.reader(context.policy().concurrency(), Pace.FULL_SPEED);
    }

    public Result reconcile(SyncSettings settings, PlanExecutor.StepListener listener) throws InterruptedException {
        Links unitsAndRoles = links.unitsAndRoles();
        List<ZiikUnit> units = reader.readUnits(ziik);
        UnitTree tree = new UnitTree(units);
        if (!unitsAndRoles.units().containsKey(tree.top().id())) {
            return new Result(null, null, tree, Set.of(), true, false, Set.of());
        }
        List<LbDepartment> departments = reader.readDepartments(learningbank);
        InterruptedCreates interrupted = InterruptedCreates.find(unitsAndRoles, departments);
        interrupted.settle(links);
        unitsAndRoles = interrupted.applyTo(unitsAndRoles);
        Map<String, LbUser> moving = new LinkedHashMap<>();
        Set<String> leaving = leaving(tree, unitsAndRoles.units(), departments);
        for (String department : leaving) {
            reader.readUsersIn(learningbank, department).forEach(user -> moving.put(user.id(), user));
        }
        Map<Long, String> userLinks = new HashMap<>();
        Map<Long, ZiikPerson> people = new HashMap<>();
        for (LbUser user : moving.values()) {
            Optional<Long> ziikId = links.userLinkedTo(user.id());
            if (ziikId.isPresent()) { // users ziiklb does not manage stay, and block the deletion (rule U5)
                userLinks.put(ziikId.get(), user.id());
                reader.readPerson(ziik, ziikId.get()).ifPresent(person -> people.put(person.id(), person));
            }
        }
        LbSnapshot learningbankPart = new LbSnapshot(departments, List.of(),
                moving.isEmpty() ? List.of() : reader.readJobProfiles(learningbank), List.copyOf(moving.values()));
        Plan plan = Planner.units(new ZiikSnapshot(units, List.of(), people), learningbankPart,
                new Links(unitsAndRoles.units(), unitsAndRoles.roles(), userLinks), settings);
        String top = departments.stream().filter(LbDepartment::top).findFirst().map(LbDepartment::id)
                .orElseThrow(() -> new IllegalStateException("Learningbank has no top department"));
        Map<Long, String> placedBefore = links.conflictPlacements();
        ExecutionReport report = context.executor(tree, top).run(plan, listener);
        Set<Long> replacing = Set.of();
        if (!report.aborted()) { // else some steps never ran: the retried reconcile compares again
            Map<Long, String> placedNow = ConflictPlacements.now(tree, links, ConflictPlacements.nameConflicts(plan, report), top);
            Set<String> left = ConflictPlacements.left(placedBefore, placedNow);
            left.retainAll(departments.stream().map(LbDepartment::id).collect(Collectors.toSet())); // one deleted in Learningbank has no users to read
            replacing = replacing(left, leaving, userLinks.keySet());
            ConflictPlacements.record(links, placedBefore, placedNow);
        }
        return new Result(plan, report, tree, userLinks.keySet(), false, plan.guardTripped(), replacing);
    }

    /**
     * The linked users of the departments that conflicted units' members left, but those this plan
     * placed already (members of deleted departments). Users ziiklb does not manage stay untouched.
     */
    private Set<Long> replacing(Set<String> left, Set<String> deleted, Set<Long> planned) throws InterruptedException {
        Set<Long> replacing = new LinkedHashSet<>();
        for (String department : left) {
            if (deleted.contains(department)) {
                continue; // its users were read and planned with this tree
            }
            for (LbUser user : reader.readUsersIn(learningbank, department)) {
                links.userLinkedTo(user.id()).filter(ziikId -> !planned.contains(ziikId)).ifPresent(replacing::add);
            }
        }
        return replacing;
    }

    /** The linked departments whose units are gone or no longer mirrored: the plan deletes them. */
    private static Set<String> leaving(UnitTree tree, Map<Long, String> unitLinks, List<LbDepartment> departments) {
        Set<String> existing = departments.stream().map(LbDepartment::id).collect(Collectors.toSet());
        return unitLinks.entrySet().stream()
                .filter(link -> link.getKey() != tree.top().id())
                .filter(link -> !tree.unit(link.getKey()).map(ZiikUnit::mirrored).orElse(false))
                .map(Map.Entry::getValue)
                .filter(existing::contains)
                .collect(Collectors.toSet());
    }
}
