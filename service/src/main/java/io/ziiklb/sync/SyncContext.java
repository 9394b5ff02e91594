package io.ziiklb.sync;

import io.ziiklb.learningbank.LearningbankApi;
import io.ziiklb.ziik.ZiikReads;

/**
 * What the engine works with for one integration: both peers (the calls the engine makes of each,
 * {@link ZiikReads} and {@link LearningbankApi}, so that fast tests can give it in-memory ones),
 * the links between their objects, how plans are executed, where time and chance come from, and
 * the gate that says whether the integration may still write. The full synchronisation and the
 * reconcilers each take one, instead of these as separate arguments.
 */
public record SyncContext(ZiikReads ziik, LearningbankApi learningbank, LinkStore links, ExecutionPolicy policy,
                          Timing timing, WriteGate gate) {

    /** The same, keeping the links in {@code other} (a write-through store, say). */
    public SyncContext withLinks(LinkStore other) {
        return new SyncContext(ziik, learningbank, other, policy, timing, gate);
    }

    /** An executor of plans placing users in {@code tree} under Learningbank's {@code topDepartmentId}. */
    public PlanExecutor executor(UnitTree tree, String topDepartmentId) {
        return new PlanExecutor(this, tree, topDepartmentId);
    }

    /** A reader of both sides, {@code concurrency} Ziik users at a time, narrowing as {@code pace} says. */
    public SnapshotReader reader(int concurrency, Pace pace) {
        return new SnapshotReader(concurrency, policy, timing.sleeper(), timing.random(), pace);
    }

    /** Retries of single reads, as the policy says. */
    Retrier retrier() {
        return new Retrier(policy, timing.sleeper(), timing.random());
    }
}
