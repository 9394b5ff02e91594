package io.ziiklb.jobs;

import io.ziiklb.audit.ActivityEntry;
import io.ziiklb.sync.StepResult;
import java.time.Instant;

/** What a step did, as the activity log records it. */
final class ActivityEntries {
    private ActivityEntries() {
    }

    static ActivityEntry of(StepResult result, Instant at) {
        var op = result.step().operation();
        String message = result.problem() != null ? result.problem().message() : op.summary();
        return new ActivityEntry(0, at, op.kind().wireName(), op.ziikId(), result.learningbankId(), op.verb(),
                result.outcome().name().toLowerCase(), message);
    }
}
