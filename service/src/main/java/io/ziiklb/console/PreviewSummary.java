package io.ziiklb.console;

import io.ziiklb.sync.FullSync;
import io.ziiklb.sync.Operation;
import io.ziiklb.sync.Plan;
import io.ziiklb.sync.Problem;
import java.util.List;

/**
 * The preview in the wizard's words: how many objects a synchronisation would create, update, and
 * match by email (existing Learningbank users it links to their Ziik user), what it would
 * deactivate or delete, and the problems it found.
 */
record PreviewSummary(int create, int update, int matchByEmail, int deactivateOrDelete, int held, List<String> sample,
                      List<ProblemAdvice> problems) {
    private static final int SAMPLE = 12;

    static PreviewSummary of(FullSync.Preview preview) {
        Plan plan = preview.plan();
        int create = 0;
        int update = 0;
        int match = 0;
        int remove = 0;
        int held = 0;
        for (Plan.Step step : plan.steps()) {
            Operation op = step.operation();
            held += step.held() ? 1 : 0;
            switch (op.verb()) {
                case "create" -> create++;
                case "update", "adopt" -> update++;
                case "link" -> match += op instanceof Operation.UpdateUser ? 1 : 0;
                case "deactivate", "delete" -> remove++;
                default -> { }
            }
        }
        List<String> sample = plan.steps().stream().map(s -> s.operation().summary(preview.names())).limit(SAMPLE).toList();
        List<ProblemAdvice> problems = plan.problems().stream().map((Problem p) -> ProblemAdvice.of(p)).toList();
        return new PreviewSummary(create, update, match, remove, held, sample, problems);
    }
}
