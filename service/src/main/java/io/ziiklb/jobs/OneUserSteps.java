package io.ziiklb.jobs;

import io.ziiklb.jobs.OnDemandResult.Step;
import io.ziiklb.sync.LbSnapshot;
import io.ziiklb.sync.Names;
import io.ziiklb.sync.ObjectKind;
import io.ziiklb.sync.Operation;
import io.ziiklb.sync.Plan;
import io.ziiklb.sync.Problem;
import io.ziiklb.sync.ProblemCode;
import io.ziiklb.sync.StepOutcome;
import io.ziiklb.sync.StepResult;
import io.ziiklb.sync.SyncSettings;
import io.ziiklb.sync.UserReconciler;
import io.ziiklb.sync.ZiikPerson;
import io.ziiklb.sync.ZiikSnapshot;
import io.ziiklb.ziik.ZiikRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Explains a one-user reconcile in the three steps an admin thinks in. Everything is read off what
 * the reconcile did (the person it read, the plan it made, the report of applying it) and the link
 * before and after: nothing is asked of the peers again, so the words say what really happened.
 */
final class OneUserSteps {
    private OneUserSteps() {
    }

    static OnDemandResult explain(long ziikUserId, Optional<String> linkedBefore, UserReconciler.Result result,
                                  SyncSettings settings, Optional<String> linkedAfter) {
        ZiikPerson person = result.person();
        Names names = names(person);
        List<Plan.Step> planned = result.plan().steps().stream()
                .filter(s -> s.operation().kind() == ObjectKind.USER && s.operation().ziikId() == ziikUserId).toList();
        boolean forgot = planned.stream().anyMatch(s -> s.operation() instanceof Operation.ForgetLink);
        List<Operation> ops = planned.stream().map(Plan.Step::operation)
                .filter(op -> !(op instanceof Operation.ForgetLink)).toList();
        List<Step> steps = new ArrayList<>();
        String lbId = linkedAfter.orElse(null);
        if (person == null) {
            steps.add(new Step(OnDemandResult.READ, "gone", "Ziik no longer has user " + ziikUserId
                    + ": it was deleted or anonymised there"));
        } else if (settings.excluded(person.user().email())) {
            steps.add(new Step(OnDemandResult.READ, "excluded", "found " + label(person) + ", but " + person.user().email()
                    + " is one of the excluded emails: that user is never created, changed or deactivated"));
            steps.add(new Step(OnDemandResult.MATCH, "skipped", "not looked for in Learningbank, as the email is excluded"));
            steps.add(new Step(OnDemandResult.APPLY, "skipped", "nothing was written to Learningbank"));
            return new OnDemandResult(OnDemandResult.Status.DONE, steps, lbId, "none");
        } else {
            steps.add(new Step(OnDemandResult.READ, "found", "found " + label(person)
                    + (person.user().active() ? "" : ", deactivated in Ziik")
                    + ", in " + person.memberships().size() + (person.memberships().size() == 1 ? " unit" : " units")));
        }
        steps.add(match(ziikUserId, person, linkedBefore, forgot, ops));
        steps.add(apply(ziikUserId, result, ops, names));
        return new OnDemandResult(OnDemandResult.Status.DONE, steps, lbId, action(ops));
    }

    private static Step match(long ziikUserId, ZiikPerson person, Optional<String> linkedBefore, boolean forgot,
                              List<Operation> ops) {
        String gone = forgot ? "the linked Learningbank user " + linkedBefore.orElse("") + " no longer exists there; " : "";
        for (Operation op : ops) {
            if (op instanceof Operation.UpdateUser update && update.link()) {
                // the planner writes the external id only when the match was not by it (rule P2)
                boolean byExternalId = update.target().externalId() == null;
                return new Step(OnDemandResult.MATCH, byExternalId ? "matched by external id" : "matched by email",
                        gone + "matched Learningbank user " + update.userId() + (byExternalId
                                ? " by its external id ziik:" + ziikUserId
                                : " by its email " + person.user().email() + "; it is linked now"));
            }
            if (op instanceof Operation.CreateUser) {
                return new Step(OnDemandResult.MATCH, "new", gone + "no Learningbank user has the external id ziik:"
                        + ziikUserId + " or the email " + person.user().email() + ": one is created");
            }
        }
        if (linkedBefore.isPresent() && !forgot) {
            return new Step(OnDemandResult.MATCH, "linked", "linked already to Learningbank user " + linkedBefore.get());
        }
        if (person == null) {
            return new Step(OnDemandResult.MATCH, "skipped", gone + "no Learningbank user is linked to it: nothing to deactivate");
        }
        return new Step(OnDemandResult.MATCH, "new", gone + "no Learningbank user matches it");
    }

    private static Step apply(long ziikUserId, UserReconciler.Result result, List<Operation> ops, Names names) {
        List<StepResult> done = result.report().results().stream()
                .filter(r -> ops.contains(r.step().operation())).toList();
        List<Problem> planProblems = result.plan().problems().stream().filter(p -> p.ziikId() == ziikUserId).toList();
        String notes = planProblems.stream().filter(p -> ProblemCode.LANGUAGE_UNSUPPORTED.isCodeOf(p))
                .map(p -> " (" + p.message() + ")").collect(Collectors.joining());
        List<String> refusals = done.stream()
                .filter(r -> r.outcome() == StepOutcome.FAILED || r.outcome() == StepOutcome.SKIPPED)
                .map(r -> r.problem() != null ? r.problem().message()
                        : "not tried: " + result.report().abortReason())
                .toList();
        if (!refusals.isEmpty()) {
            return new Step(OnDemandResult.APPLY, "failed", OnDemandResult.refusal(refusals));
        }
        if (done.isEmpty()) {
            Optional<Problem> blocking = planProblems.stream().filter(p -> !ProblemCode.LANGUAGE_UNSUPPORTED.isCodeOf(p)).findFirst();
            if (blocking.isPresent()) {
                return new Step(OnDemandResult.APPLY, "failed", blocking.get().message());
            }
            return new Step(OnDemandResult.APPLY, "unchanged", "Learningbank already has what Ziik says: nothing to change" + notes);
        }
        Map<StepOutcome, List<String>> what = new LinkedHashMap<>();
        done.forEach(r -> what.computeIfAbsent(r.outcome(), o -> new ArrayList<>()).add(r.step().operation().summary(names)));
        String outcome = what.containsKey(StepOutcome.CREATED) ? "created"
                : what.containsKey(StepOutcome.DEACTIVATED) ? "deactivated"
                : what.containsKey(StepOutcome.UPDATED) ? "updated" : "linked";
        String message = what.values().stream().flatMap(List::stream).collect(Collectors.joining("; "));
        return new Step(OnDemandResult.APPLY, outcome, "done: " + message + notes);
    }

    private static String action(List<Operation> ops) {
        if (ops.stream().anyMatch(op -> op instanceof Operation.CreateUser)) {
            return "create";
        }
        if (ops.stream().anyMatch(op -> op instanceof Operation.DeactivateUser)) {
            return "deactivate";
        }
        return ops.stream().filter(Operation::writes).map(Operation::verb).findFirst()
                .orElse(ops.isEmpty() ? "none" : ops.getFirst().verb());
    }

    /** The person and their roles by name, for the summaries ("update user Ann Berg <ann@...>: name"). */
    private static Names names(ZiikPerson person) {
        if (person == null) {
            return Names.NONE;
        }
        Map<Long, ZiikRole> roles = new LinkedHashMap<>();
        person.memberships().forEach(m -> m.roles().forEach(r -> roles.putIfAbsent(r.id(), r)));
        return Names.of(new ZiikSnapshot(List.of(), List.copyOf(roles.values()), Map.of(person.id(), person)),
                new LbSnapshot(List.of(), List.of(), List.of(), List.of()));
    }

    private static String label(ZiikPerson person) {
        var u = person.user();
        return (u.firstName() + " " + u.lastName()).trim() + (u.email() == null ? " (no email)" : " <" + u.email() + ">");
    }
}
