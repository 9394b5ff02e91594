package io.ziiklb.sync;

import java.util.List;

/**
 * An ordered list of steps. A step runs once every step in its {@code after} has finished (in
 * whatever way); steps with nothing between them may run at the same time. Held steps (the
 * deletion guard, rule L6) do not run until an admin confirms them.
 *
 * @param guardTripped whether the deletion guard held the removals of this plan
 */
public record Plan(List<Step> steps, List<Problem> problems, boolean guardTripped) {

    public Plan {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /** One operation, the indexes of the steps it waits for, and whether the deletion guard holds it. */
    public record Step(int index, Operation operation, List<Integer> after, boolean held) {
        public Step {
            after = List.copyOf(after);
        }
    }

    /** Steps that write to Learningbank and are not held. */
    public long writes() {
        return steps.stream().filter(s -> !s.held() && s.operation().writes()).count();
    }

    public List<Step> held() {
        return steps.stream().filter(Step::held).toList();
    }
}
