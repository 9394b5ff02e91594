package io.ziiklb.jobs;

import io.ziiklb.jobs.OnDemandResult.Step;
import io.ziiklb.sync.LbSnapshot;
import io.ziiklb.sync.Names;
import io.ziiklb.sync.ObjectKind;
import io.ziiklb.sync.Operation;
import io.ziiklb.sync.Plan;
import io.ziiklb.sync.Problem;
import io.ziiklb.sync.StepOutcome;
import io.ziiklb.sync.StepResult;
import io.ziiklb.sync.UnitsReconciler;
import io.ziiklb.sync.ZiikSnapshot;
import io.ziiklb.ziik.ZiikUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Explains a tree reconcile as it concerns one unit: its department created, renamed, moved,
 * deleted, or why nothing. The tree is the engine's unit of work (a department's parent must be
 * there first), so the rest of the tree's changes were applied too; the answer counts them.
 */
final class OneUnitSteps {
    private OneUnitSteps() {
    }

    static OnDemandResult explain(long unitId, Optional<String> linkedBefore, UnitsReconciler.Result result,
                                  Optional<String> linkedAfter) {
        Optional<ZiikUnit> unit = result.tree().unit(unitId);
        List<Step> steps = new ArrayList<>();
        if (unit.isEmpty()) {
            steps.add(new Step(OnDemandResult.READ, "gone", "Ziik no longer has unit " + unitId));
        } else if (!unit.get().mirrored()) {
            steps.add(new Step(OnDemandResult.READ, "not mirrored", "found \"" + unit.get().name()
                    + "\", a department-type unit: those have no department of their own in Learningbank"));
        } else {
            Long parent = unit.get().parentId();
            steps.add(new Step(OnDemandResult.READ, "found", "found \"" + unit.get().name() + "\""
                    + (parent == null ? ", the top unit" : " under " + result.tree().unit(parent).map(p -> "\"" + p.name() + "\"")
                    .orElse("unit " + parent))));
        }
        List<Plan.Step> planned = result.plan().steps().stream()
                .filter(s -> s.operation().kind() == ObjectKind.DEPARTMENT && s.operation().ziikId() == unitId).toList();
        steps.add(match(unit, linkedBefore, planned));
        steps.add(apply(unitId, result, planned));
        String action = planned.stream().map(Plan.Step::operation).filter(op -> !(op instanceof Operation.ForgetLink))
                .map(Operation::verb).findFirst().orElse("none");
        return new OnDemandResult(OnDemandResult.Status.DONE, steps, linkedAfter.orElse(null), action);
    }

    private static Step match(Optional<ZiikUnit> unit, Optional<String> linkedBefore, List<Plan.Step> planned) {
        boolean forgot = planned.stream().anyMatch(s -> s.operation() instanceof Operation.ForgetLink);
        String gone = forgot ? "the linked department " + linkedBefore.orElse("") + " no longer exists in Learningbank; " : "";
        for (Plan.Step step : planned) {
            if (step.operation() instanceof Operation.CreateDepartment) {
                return new Step(OnDemandResult.MATCH, "new", gone + "no department is linked to it: one is created");
            }
            if (step.operation() instanceof Operation.LinkTopDepartment top) {
                return new Step(OnDemandResult.MATCH, "linked", "the top unit is linked to the top department " + top.departmentId());
            }
        }
        if (linkedBefore.isPresent() && !forgot) {
            return new Step(OnDemandResult.MATCH, "linked", "linked already to department " + linkedBefore.get());
        }
        return new Step(OnDemandResult.MATCH, "skipped", unit.isPresent() && unit.get().mirrored()
                ? gone + "no department is linked to it" : gone + "no department is linked to it: nothing to delete");
    }

    private static Step apply(long unitId, UnitsReconciler.Result result, List<Plan.Step> planned) {
        List<StepResult> done = result.report().results().stream().filter(r -> planned.contains(r.step())).toList();
        long others = result.report().results().stream()
                .filter(r -> !planned.contains(r.step()) && r.step().operation().writes())
                .filter(r -> r.outcome() != StepOutcome.SKIPPED && r.outcome() != StepOutcome.HELD).count();
        String alsoApplied = others == 0 ? "" : " (" + others + " other change" + (others == 1 ? "" : "s")
                + " of the unit tree applied too)";
        List<Problem> unitProblems = result.plan().problems().stream()
                .filter(p -> p.kind() == ObjectKind.DEPARTMENT && p.ziikId() == unitId).toList();
        List<String> refusals = done.stream().filter(r -> r.outcome() == StepOutcome.FAILED || r.outcome() == StepOutcome.SKIPPED)
                .map(r -> r.problem() != null ? r.problem().message() : "not tried: " + result.report().abortReason()).toList();
        if (!refusals.isEmpty()) {
            return new Step(OnDemandResult.APPLY, "failed", OnDemandResult.refusal(refusals) + alsoApplied);
        }
        if (done.stream().anyMatch(r -> r.outcome() == StepOutcome.HELD)) {
            return new Step(OnDemandResult.APPLY, "held", "the deletion guard holds the deletion until an administrator"
                    + " confirms it on the integration's page" + alsoApplied);
        }
        List<StepResult> applied = done.stream().filter(r -> !(r.step().operation() instanceof Operation.ForgetLink)).toList();
        if (applied.isEmpty()) {
            if (!unitProblems.isEmpty()) {
                return new Step(OnDemandResult.APPLY, "failed", unitProblems.stream().map(Problem::message)
                        .collect(Collectors.joining("; ")) + alsoApplied);
            }
            return new Step(OnDemandResult.APPLY, "unchanged", "the department already has the unit's name and place:"
                    + " nothing to change" + alsoApplied);
        }
        StepOutcome first = applied.getFirst().outcome();
        String outcome = first == StepOutcome.CREATED ? "created" : first == StepOutcome.DELETED ? "deleted"
                : first == StepOutcome.LINKED ? "linked" : "updated";
        // the units by name ("move department under \"Harbour\""), from the tree the reconcile read
        Names names = Names.of(new ZiikSnapshot(result.tree().topDown(), List.of(), Map.of()),
                new LbSnapshot(List.of(), List.of(), List.of(), List.of()));
        return new Step(OnDemandResult.APPLY, outcome, "done: " + applied.stream().map(r -> r.step().operation().summary(names))
                .collect(Collectors.joining("; ")) + alsoApplied);
    }
}
