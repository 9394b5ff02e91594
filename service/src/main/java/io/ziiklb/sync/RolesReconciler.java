package io.ziiklb.sync;

import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LearningbankApi;
import io.ziiklb.ziik.ZiikReads;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles between full synchronisations (rule L3: roles have no webhooks, so they are polled): reads
 * Ziik's roles and Learningbank's permission types, and creates, adopts, renames or deletes types
 * as rules R1-R3 say. On an unchanged set of roles it writes nothing.
 *
 * <p>Most role changes need nothing of the users: a renamed type keeps its id, and Learningbank
 * takes a deleted type off its users. Two kinds change what the role's holders should have: a role
 * that gets a new type (its adopted system type cannot follow a rename), and, with job profiles
 * synchronised, a role renamed or deleted whose old or new name is a job profile's (rule P5 may
 * now give its holders another profile). Ziik cannot say who holds a role, but Learningbank can:
 * the holders are the linked users with the role's type, found before the plan is applied (a
 * deleted type leaves its users), and returned for the caller to reconcile one by one.
 *
 * <p>Type creates cut off by a crash are settled first ({@link InterruptedTypeCreates}), as a full
 * synchronisation does: the type made is ziiklb's, not a customer's to adopt.
 */
public final class RolesReconciler {
    /**
     * @param plan    the plan made
     * @param report  what applying it did
     * @param holders Ziik users who held a changed role and need reconciling
     */
    public record Result(Plan plan, ExecutionReport report, Set<Long> holders) {
        public Result {
            holders = Set.copyOf(holders);
        }
    }

    private final ZiikReads ziik;
    private final LearningbankApi learningbank;
    private final LinkStore links;
    private final SnapshotReader reader;
    private final PlanExecutor executor;

    public RolesReconciler(SyncContext context) {
        this.ziik = context.ziik();
        this.learningbank = context.learningbank();
        this.links = context.links();
        this.reader = context.reader(1, Pace.FULL_SPEED);
        this.executor = PlanExecutor.withoutUnits(context);
    }

    public Result reconcile(SyncSettings settings, PlanExecutor.StepListener listener) throws InterruptedException {
        List<LbPermissionType> types = reader.readPermissionTypes(learningbank);
        Links current = links.unitsAndRoles();
        InterruptedTypeCreates interrupted = InterruptedTypeCreates.find(current, types);
        interrupted.settle(links); // this reconcile always applies its plan: settle before planning on it
        Plan plan = Planner.roles(reader.readRoles(ziik), types, interrupted.applyTo(current).roles());
        Set<String> changed = typesOfRolesGettingANewType(plan);
        if (settings.syncJobProfiles()) {
            changed.addAll(typesOfRolesNamingAJobProfile(plan, types));
        }
        Set<Long> holders = holders(changed);
        return new Result(plan, executor.run(plan, listener), holders);
    }

    /** The types let go of by roles that keep existing (only an adopted system type is let go of so). */
    private static Set<String> typesOfRolesGettingANewType(Plan plan) {
        Map<Long, String> lettingGo = new HashMap<>();
        Set<Long> getting = new HashSet<>();
        for (Plan.Step step : plan.steps()) {
            switch (step.operation()) {
                case Operation.DeletePermissionType op when op.adopted() -> lettingGo.put(op.roleId(), op.permissionTypeId());
                case Operation.CreatePermissionType op -> getting.add(op.roleId());
                case Operation.AdoptPermissionType op -> getting.add(op.roleId());
                default -> { }
            }
        }
        lettingGo.keySet().retainAll(getting);
        return new HashSet<>(lettingGo.values());
    }

    /** The types of roles renamed or deleted whose old or new name is a job profile's. */
    private Set<String> typesOfRolesNamingAJobProfile(Plan plan, List<LbPermissionType> types) throws InterruptedException {
        Map<String, String> nameOfType = new HashMap<>();
        types.forEach(t -> nameOfType.put(t.id(), t.name()));
        Map<String, Set<String>> namesByType = new HashMap<>();
        for (Plan.Step step : plan.steps()) {
            switch (step.operation()) {
                case Operation.RenamePermissionType op -> namesByType.computeIfAbsent(op.permissionTypeId(), t -> new HashSet<>())
                        .addAll(java.util.Arrays.asList(op.name(), nameOfType.get(op.permissionTypeId())));
                case Operation.DeletePermissionType op -> namesByType.computeIfAbsent(op.permissionTypeId(), t -> new HashSet<>())
                        .add(op.name());
                default -> { }
            }
        }
        if (namesByType.isEmpty()) {
            return new HashSet<>();
        }
        Set<String> profiles = reader.readJobProfiles(learningbank).stream().map(LbJobProfile::name).collect(Collectors.toSet());
        return namesByType.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(profiles::contains))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The linked users holding any of these types, read from Learningbank (every user, page by page). */
    private Set<Long> holders(Set<String> typeIds) throws InterruptedException {
        if (typeIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> holders = new HashSet<>();
        for (LbUser user : reader.readUsers(learningbank)) {
            if (user.permissionTypeIds().stream().anyMatch(typeIds::contains)) {
                links.userLinkedTo(user.id()).ifPresent(holders::add);
            }
        }
        return holders;
    }
}
