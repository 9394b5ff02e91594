package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.ziik.ZiikClient;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Roles between full synchronisations (rule L3: roles have no webhooks, so they are polled): reads
 * Ziik's roles and Learningbank's permission types, and creates, adopts, renames or deletes types
 * as rules R1-R3 say. On an unchanged set of roles it writes nothing.
 */
public final class RolesReconciler {
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

    public ExecutionReport reconcile(PlanExecutor.StepListener listener) throws InterruptedException {
        Plan plan = Planner.roles(reader.readRoles(ziik), reader.readPermissionTypes(learningbank), links.unitsAndRoles().roles());
        return executor.run(plan, listener);
    }
}
