package io.ziiklb.sync;

import io.ziiklb.learningbank.LearningbankApi;
import io.ziiklb.ziik.ZiikReads;
import io.ziiklb.ziik.ZiikUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One full synchronisation of one integration (rule L2): read both sides, plan, apply, the three
 * overlapping (see {@link #run}). Preview reads both, then plans, and writes nothing. Confirming held deletions is a full synchronisation with the guard off, so
 * what is applied is recomputed from the current state, never a stale plan.
 */
public final class FullSync {
    /**
     * Phases, in order, as the status API shows them. A synchronisation that applies reads
     * Learningbank (and Ziik's tree and roles), then Ziik's users, applying each as it is read, then
     * applies the rest; only a preview has a planning phase of its own.
     */
    public enum Phase { READING_LEARNINGBANK, READING_ZIIK, PLANNING, APPLYING, DONE }

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
        return read(settings, progress);
    }

    /**
     * Reads, plans and applies, pipelined: Ziik's users are read in the background from the start;
     * once Learningbank has been read, the departments and permission types are applied, and each
     * user as soon as they are read, while later users are still being read; what needs the whole
     * picture (see {@link FullPlanning}) is applied last. {@code listener} hears each step as it ends.
     */
    public Result run(SyncSettings settings, Progress progress, PlanExecutor.StepListener listener)
            throws InterruptedException {
        progress.update(Phase.READING_LEARNINGBANK, 0, 0);
        var units = reader.readUnits(ziik);
        var roles = reader.readRoles(ziik);
        try (ZiikUserFeed users = new ZiikUserFeed(reader, ziik)) {
            LbSnapshot lbSnapshot = reader.readLearningbank(learningbank);
            Links current = links.snapshot();
            InterruptedCreates interrupted = InterruptedCreates.find(current, lbSnapshot.departments());
            InterruptedTypeCreates interruptedTypes = InterruptedTypeCreates.find(current, lbSnapshot.permissionTypes());
            interrupted.settle(links);
            interruptedTypes.settle(links);
            FullPlanning planning = new FullPlanning(units, roles, lbSnapshot,
                    interruptedTypes.applyTo(interrupted.applyTo(current)), settings);
            String top = lbSnapshot.top().id();
            Map<Long, String> placedBefore = links.conflictPlacements();
            Applying applying = new Applying(progress, listener);
            try (PlanExecutor.Run run = context.executor(planning.tree(), top).start(applying)) {
                run.submit(planning.runnable());
                Set<Long> read = new HashSet<>();
                for (ZiikPerson person = users.next(); person != null; person = users.next()) {
                    read.add(person.id());
                    planning.person(person);
                    run.submit(planning.runnable());
                    progress.update(Phase.READING_ZIIK, users.read(), users.total());
                }
                Plan plan = planning.finish(read);
                applying.allPlanned(plan.steps().size());
                run.submit(planning.runnable());
                ExecutionReport report = run.finish();
                if (!report.aborted()) { // every user was planned with this tree: only the record is needed, no re-placing
                    ConflictPlacements.record(links, placedBefore, ConflictPlacements.now(planning.tree(), links,
                            ConflictPlacements.nameConflicts(plan, report), top));
                }
                progress.update(Phase.DONE, plan.steps().size(), plan.steps().size());
                return new Result(plan, report, objects(units, roles.size(), read.size()));
            }
        }
    }

    /**
     * Hears each step as it ends, and reports progress once every step is planned: until then the
     * progress is the users read (the steps planned so far are no total).
     */
    private static final class Applying implements PlanExecutor.StepListener {
        private final Progress progress;
        private final PlanExecutor.StepListener listener;
        private final AtomicInteger done = new AtomicInteger();
        private volatile int total = -1;

        Applying(Progress progress, PlanExecutor.StepListener listener) {
            this.progress = progress;
            this.listener = listener;
        }

        void allPlanned(int steps) {
            total = steps;
            progress.update(Phase.APPLYING, done.get(), steps);
        }

        @Override
        public void finished(StepResult result) {
            listener.finished(result);
            int ended = done.incrementAndGet();
            if (total >= 0) {
                progress.update(Phase.APPLYING, ended, total);
            }
        }
    }

    private static int objects(List<ZiikUnit> units, int roles, int people) {
        return (int) units.stream().filter(u -> u.mirrored() && !u.isTop()).count() + roles + people;
    }

    private Preview read(SyncSettings settings, Progress progress) throws InterruptedException {
        progress.update(Phase.READING_LEARNINGBANK, 0, 0);
        LbSnapshot lbSnapshot = reader.readLearningbank(learningbank);
        progress.update(Phase.READING_ZIIK, 0, 0);
        int[] users = new int[1];
        ZiikSnapshot ziikSnapshot = reader.readZiik(ziik, total -> users[0] = total,
                done -> progress.update(Phase.READING_ZIIK, done, users[0]));
        progress.update(Phase.PLANNING, 0, 0);
        Links current = links.snapshot();
        InterruptedCreates interrupted = InterruptedCreates.find(current, lbSnapshot.departments());
        InterruptedTypeCreates interruptedTypes = InterruptedTypeCreates.find(current, lbSnapshot.permissionTypes());
        Plan plan = Planner.full(ziikSnapshot, lbSnapshot, interruptedTypes.applyTo(interrupted.applyTo(current)), settings);
        return new Preview(plan, Names.of(ziikSnapshot, lbSnapshot));
    }
}
