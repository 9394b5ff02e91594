package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikUnit;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.random.RandomGenerator;

/**
 * The unit tree between full synchronisations (rule L3 for units): reads Ziik's tree and
 * Learningbank's departments, and creates, renames, moves and deletes departments as rules U1-U6
 * say. Only the users of departments about to be deleted are read and planned (they are moved out
 * first); everyone else keeps their department, whose id does not change. On an unchanged tree it
 * writes nothing.
 */
public final class UnitsReconciler {
    /**
     * @param tree              Ziik's tree as read
     * @param users             the Ziik users planned too (those in departments being deleted)
     * @param neverSynchronised the integration has had no full synchronisation yet: nothing was done
     * @param needsFullSync     the deletion guard held this plan's deletions: a full synchronisation
     *                          (which asks the admin) must decide them
     */
    public record Result(Plan plan, ExecutionReport report, UnitTree tree, Set<Long> users, boolean neverSynchronised,
                         boolean needsFullSync) {
        public Result {
            users = Set.copyOf(users);
        }

        /**
         * The units left in a name conflict (rule U6), found while planning or applying: they stay
         * unlinked until the admin resolves the conflict. Empty when nothing was planned.
         */
        public Set<Long> nameConflicts() {
            if (plan == null) {
                return Set.of();
            }
            return Stream.concat(plan.problems().stream(), report.problems().stream())
                    .filter(p -> p.kind() == ObjectKind.DEPARTMENT && p.code().equals("name_conflict"))
                    .map(Problem::ziikId).collect(Collectors.toUnmodifiableSet());
        }
    }

    private final ZiikClient ziik;
    private final LearningbankClient learningbank;
    private final LinkStore links;
    private final ExecutionPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final SnapshotReader reader;

    public UnitsReconciler(ZiikClient ziik, LearningbankClient learningbank, LinkStore links, ExecutionPolicy policy,
                           Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.ziik = ziik;
        this.learningbank = learningbank;
        this.links = links;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.reader = new SnapshotReader(policy.concurrency(), policy, sleeper, random);
    }

    public Result reconcile(SyncSettings settings, PlanExecutor.StepListener listener) throws InterruptedException {
        Links unitsAndRoles = links.unitsAndRoles();
        List<ZiikUnit> units = reader.readUnits(ziik);
        UnitTree tree = new UnitTree(units);
        if (!unitsAndRoles.units().containsKey(tree.top().id())) {
            return new Result(null, null, tree, Set.of(), true, false);
        }
        List<LbDepartment> departments = reader.readDepartments(learningbank);
        InterruptedCreates interrupted = InterruptedCreates.find(unitsAndRoles, departments);
        interrupted.settle(links);
        unitsAndRoles = interrupted.applyTo(unitsAndRoles);
        Map<String, LbUser> moving = new LinkedHashMap<>();
        for (String department : leaving(tree, unitsAndRoles.units(), departments)) {
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
        ExecutionReport report = new PlanExecutor(learningbank, links, tree, top, policy, clock, sleeper, random)
                .run(plan, listener);
        return new Result(plan, report, tree, userLinks.keySet(), false, plan.guardTripped());
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
