package io.ziiklb.sync;

import io.ziiklb.learningbank.LearningbankApi;
import io.ziiklb.ziik.ZiikReads;
import java.util.Map;

/**
 * One full synchronisation of one integration (rule L2): read both sides, plan, apply. Preview
 * stops after planning. Confirming held deletions is a full synchronisation with the guard off, so
 * what is applied is recomputed from the current state, never a stale plan.
 */
public final class FullSync {
    /** Phases, in order, as the status API shows them. */
    public enum Phase { READING_ZIIK, READING_LEARNINGBANK, PLANNING, APPLYING, DONE }

    /** Hears progress: the phase, and within it how many of how many items are done. */
    @FunctionalInterface
    public interface Progress {
        void update(Phase phase, int done, int total);
    }

    /**
     * The plan and what applying it did.
     *
     * @param objects how many Ziik objects were compared (mirrored units, roles, users)
     */
    public record Result(Plan plan, ExecutionReport report, int objects) {
    }

    private final SyncContext context;
    private final ZiikReads ziik;
    private final LearningbankApi learningbank;
    private final LinkStore links;
    private final SnapshotReader reader;

    public FullSync(SyncContext context, SnapshotReader reader) {
        this.context = context;
        this.ziik = context.ziik();
        this.learningbank = context.learningbank();
        this.links = context.links();
        this.reader = reader;
    }

    /** A plan, and the names of what its steps concern (for people to read it by). */
    public record Preview(Plan plan, Names names) {
    }

    /** The plan a full synchronisation would apply now. Writes nothing anywhere. */
    public Preview preview(SyncSettings settings, Progress progress) throws InterruptedException {
        Planned planned = read(settings, progress, true);
        return new Preview(planned.plan(), planned.names());
    }

    /** Reads, plans and applies; {@code listener} hears each step as it ends. */
    public Result run(SyncSettings settings, Progress progress, PlanExecutor.StepListener listener)
            throws InterruptedException {
        Planned planned = read(settings, progress, false);
        planned.interrupted().settle(links);
        planned.interruptedTypes().settle(links);
        Plan plan = planned.plan();
        int total = plan.steps().size();
        progress.update(Phase.APPLYING, 0, total);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        PlanExecutor executor = context.executor(planned.tree(), planned.topDepartmentId());
        Map<Long, String> placedBefore = links.conflictPlacements();
        ExecutionReport report = executor.run(plan, result -> {
            listener.finished(result);
            progress.update(Phase.APPLYING, done.incrementAndGet(), total);
        });
        if (!report.aborted()) { // every user was planned with this tree: only the record is needed, no re-placing
            ConflictPlacements.record(links, placedBefore, ConflictPlacements.now(planned.tree(), links,
                    ConflictPlacements.nameConflicts(plan, report), planned.topDepartmentId()));
        }
        progress.update(Phase.DONE, total, total);
        return new Result(plan, report, planned.objects());
    }

    /**
     * @param names only for a preview (null otherwise): a synchronisation that applies its plan
     *              needs none, and must not keep the snapshots they come from while it applies
     */
    private record Planned(Plan plan, InterruptedCreates interrupted, InterruptedTypeCreates interruptedTypes, UnitTree tree,
                           String topDepartmentId, int objects, Names names) {
    }

    private Planned read(SyncSettings settings, Progress progress, boolean named) throws InterruptedException {
        progress.update(Phase.READING_ZIIK, 0, 0);
        int[] users = new int[1];
        ZiikSnapshot ziikSnapshot = reader.readZiik(ziik, total -> users[0] = total,
                done -> progress.update(Phase.READING_ZIIK, done, users[0]));
        progress.update(Phase.READING_LEARNINGBANK, 0, 0);
        LbSnapshot lbSnapshot = reader.readLearningbank(learningbank);
        progress.update(Phase.PLANNING, 0, 0);
        Links current = links.snapshot();
        InterruptedCreates interrupted = InterruptedCreates.find(current, lbSnapshot.departments());
        InterruptedTypeCreates interruptedTypes = InterruptedTypeCreates.find(current, lbSnapshot.permissionTypes());
        Plan plan = Planner.full(ziikSnapshot, lbSnapshot, interruptedTypes.applyTo(interrupted.applyTo(current)), settings);
        int objects = (int) ziikSnapshot.units().stream().filter(u -> u.mirrored() && !u.isTop()).count()
                + ziikSnapshot.roles().size() + ziikSnapshot.people().size();
        return new Planned(plan, interrupted, interruptedTypes, new UnitTree(ziikSnapshot.units()), lbSnapshot.top().id(), objects,
                named ? Names.of(ziikSnapshot, lbSnapshot) : null);
    }
}
