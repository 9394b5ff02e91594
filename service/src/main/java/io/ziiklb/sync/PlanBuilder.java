package io.ziiklb.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects steps, their order and problems while planning. A step may be handed out to run before
 * the plan is complete ({@link #release}); from then on it may not wait for more steps, nor be held.
 */
final class PlanBuilder {
    private final List<Operation> operations = new ArrayList<>();
    private final List<Set<Integer>> after = new ArrayList<>();
    private final Set<Integer> held = new LinkedHashSet<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Integer> released = new HashSet<>();

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
            requireNotReleased(step);
            after.get(step).add(first);
        }
    }

    void hold(int step) {
        requireNotReleased(step);
        held.add(step);
    }

    Operation operation(int step) {
        return operations.get(step);
    }

    /** The steps {@code step} waits for, so far. */
    Set<Integer> waitsFor(int step) {
        return after.get(step);
    }

    /** The step as it stands, to run before the plan is complete: it waits for nothing more from now on. */
    Plan.Step release(int step) {
        released.add(step);
        return step(step);
    }

    private Plan.Step step(int i) {
        return new Plan.Step(i, operations.get(i), List.copyOf(after.get(i)), held.contains(i));
    }

    /** A planner bug, not bad input: a step already running cannot be made to wait. */
    private void requireNotReleased(int step) {
        if (released.contains(step)) {
            throw new IllegalStateException("step " + step + " (" + operations.get(step) + ") already runs");
        }
    }

    void problem(ObjectKind kind, long ziikId, String code, String message) {
        problems.add(new Problem(kind, ziikId, code, message));
    }

    Plan build(boolean guardTripped) {
        List<Plan.Step> steps = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            steps.add(step(i));
        }
        return new Plan(steps, problems, guardTripped);
    }
}
