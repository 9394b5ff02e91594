package io.ziiklb.sync;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What running a plan did.
 *
 * @param abortReason why the rest of the plan was skipped, or null when it ran to the end
 */
public record ExecutionReport(List<StepResult> results, String abortReason) {

    public ExecutionReport {
        results = List.copyOf(results);
    }

    public Map<StepOutcome, Integer> counts() {
        Map<StepOutcome, Integer> counts = new EnumMap<>(StepOutcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    public int count(StepOutcome outcome) {
        return counts().getOrDefault(outcome, 0);
    }

    public List<Problem> problems() {
        return results.stream().filter(r -> r.problem() != null).map(StepResult::problem).toList();
    }

    public boolean aborted() {
        return abortReason != null;
    }
}
