package io.ziiklb.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects steps, their order and problems while planning. */
final class PlanBuilder {
    private final List<Operation> operations = new ArrayList<>();
    private final List<Set<Integer>> after = new ArrayList<>();
    private final Set<Integer> held = new LinkedHashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    /** Adds a step and returns its index. */
    int add(Operation operation) {
        operations.add(operation);
        after.add(new LinkedHashSet<>());
        return operations.size() - 1;
    }

    /** How many steps there are so far: the index the next one gets. */
    int size() {
        return operations.size();
    }

    /** Step {@code step} runs after step {@code first}. A null or negative {@code first} is ignored. */
    void after(int step, Integer first) {
        if (first != null && first >= 0 && first != step) {
            after.get(step).add(first);
        }
    }

    void hold(int step) {
        held.add(step);
    }

    void problem(ObjectKind kind, long ziikId, String code, String message) {
        problems.add(new Problem(kind, ziikId, code, message));
    }

    Plan build(boolean guardTripped) {
        List<Plan.Step> steps = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            steps.add(new Plan.Step(i, operations.get(i), List.copyOf(after.get(i)), held.contains(i)));
        }
        return new Plan(steps, problems, guardTripped);
    }
}
