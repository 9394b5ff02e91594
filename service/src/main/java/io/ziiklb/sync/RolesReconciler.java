package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.ziik.ZiikClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Roles between full synchronisations (rule L3: roles have no webhooks, so they are polled): reads
 * Ziik's roles and Learningbank's permission types, and creates, adopts, renames or deletes types
 * as rules R1-R3 say. On an unchanged set of roles it writes nothing.
 *
 * <p>Most role changes need nothing of the users: a renamed type keeps its id, and Learningbank
 * takes a deleted type off its users. Two kinds do, and Ziik cannot say who holds a role, so they
 * are left to a full synchronisation ({@link Result#holdersNeedFullSync()}): a role that gets a new
 * type (its adopted system type cannot follow a rename), and, with job profiles synchronised, a
 * role renamed or deleted whose old or new name is a job profile's (rule P5 may now give its
 * holders another profile).
 */
public final class RolesReconciler {
    /**
     * @param plan                the plan made
     * @param report              what applying it did
     * @param holdersNeedFullSync the holders of a changed role need their types or job profile
     *                            recomputed, which only a full synchronisation can do
     */
    public record Result(Plan plan, ExecutionReport report, boolean holdersNeedFullSync) {
    }

    private final ZiikClient ziik;
    private final LearningbankClient learningbank;
    private final LinkStore links;
    private final SnapshotReader reader;
    private final PlanExecutor executor;

    public RolesReconciler(ZiikClient ziik, LearningbankClient learningbank, LinkStore links, ExecutionPolicy policy,
                           Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.ziik = ziik;
        this.learningbank = learningbank;
        this.links = links;
        this.reader = new SnapshotReader(1, policy, sleeper, random);
        this.executor = PlanExecutor.withoutUnits(learningbank, links, policy, clock, sleeper, random);
    }

    public Result reconcile(SyncSettings settings, PlanExecutor.StepListener listener) throws InterruptedException {
        List<LbPermissionType> types = reader.readPermissionTypes(learningbank);
        Plan plan = Planner.roles(reader.readRoles(ziik), types, links.unitsAndRoles().roles());
        boolean holders = newTypeForARole(plan) || (settings.syncJobProfiles() && namesAJobProfile(changedNames(plan, types)));
        return new Result(plan, executor.run(plan, listener), holders);
    }

    /** A role that keeps existing lets go of its type (only an adopted system type is let go of so). */
    private static boolean newTypeForARole(Plan plan) {
        Set<Long> lettingGo = new HashSet<>();
        Set<Long> getting = new HashSet<>();
        for (Plan.Step step : plan.steps()) {
            switch (step.operation()) {
                case Operation.DeletePermissionType op when op.adopted() -> lettingGo.add(op.roleId());
                case Operation.CreatePermissionType op -> getting.add(op.roleId());
                case Operation.AdoptPermissionType op -> getting.add(op.roleId());
                default -> { }
            }
        }
        lettingGo.retainAll(getting);
        return !lettingGo.isEmpty();
    }

    /** The old and new names of renamed roles, and the names of deleted ones. */
    private static Set<String> changedNames(Plan plan, List<LbPermissionType> types) {
        Map<String, String> nameOfType = new HashMap<>();
        types.forEach(t -> nameOfType.put(t.id(), t.name()));
        Set<String> names = new HashSet<>();
        for (Plan.Step step : plan.steps()) {
            switch (step.operation()) {
                case Operation.RenamePermissionType op -> {
                    names.add(op.name());
                    names.add(nameOfType.get(op.permissionTypeId()));
                }
                case Operation.DeletePermissionType op -> names.add(op.name());
                default -> { }
            }
        }
        names.remove(null);
        return names;
    }

    private boolean namesAJobProfile(Set<String> names) throws InterruptedException {
        return !names.isEmpty() && reader.readJobProfiles(learningbank).stream().map(LbJobProfile::name).anyMatch(names::contains);
    }
}
