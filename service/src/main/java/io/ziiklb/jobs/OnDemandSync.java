package io.ziiklb.jobs;

import io.ziiklb.integration.Integration;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.queue.RetryLater;
import io.ziiklb.sync.UnitTree;
import io.ziiklb.sync.UnitsReconciler;
import io.ziiklb.sync.UserReconciler;
import io.ziiklb.sync.WritesStopped;
import io.ziiklb.ziik.ZiikException;
import java.util.List;
import java.util.Optional;

/**
 * "Synchronise one user" (and one unit), Entra ID's provision on demand: an admin has one Ziik
 * object reconciled now, by the same handlers, locks and links as live work, and is told what
 * happened in plain words. The activity is recorded as live work records it. A refusal of
 * Learningbank or a peer that cannot be reached is an answer (a failed step), never an exception.
 * The caller checks that the viewer may see the integration and that it is enabled (rule L4).
 */
public final class OnDemandSync {
    private final LiveItems items;
    private final UserReconcileHandler users;
    private final UnitTreeHandler units;

    OnDemandSync(LiveItems items, UserReconcileHandler users, UnitTreeHandler units) {
        this.items = items;
        this.users = users;
        this.units = units;
    }

    /** Reconciles one Ziik user now. */
    public OnDemandResult user(Integration integration, long ziikUserId) throws InterruptedException {
        LiveItem item = items.open(integration);
        Optional<String> linkedBefore = item.links().user(ziikUserId);
        UserReconciler.Result result;
        try {
            result = users.reconcile(item, ziikUserId);
        } catch (ZiikException e) {
            item.recordActivity();
            return failed(OnDemandResult.READ, "Ziik could not be read: " + e.getMessage());
        } catch (LearningbankException e) {
            item.recordActivity();
            return failed(OnDemandResult.MATCH, "Learningbank could not be read: " + e.getMessage());
        } catch (RetryLater unwell) { // the tree or the roles, reconciled first, found Learningbank unwell
            return failed(OnDemandResult.APPLY, unwell.getMessage() + "; try again later");
        } catch (WritesStopped e) {
            return stopped(item, e);
        }
        if (result.neverSynchronised()) {
            return OnDemandResult.neverSynchronised();
        }
        Optional<String> linkedAfter = item.links().user(ziikUserId);
        if (result.person() == null && linkedBefore.isEmpty() && linkedAfter.isEmpty()) {
            return OnDemandResult.unknown();
        }
        OnDemandResult answer = OneUserSteps.explain(ziikUserId, linkedBefore, result, item.settings(), linkedAfter);
        noteIfNothingRan(item, "user", ziikUserId, answer, result.report().results().isEmpty());
        settle(item, () -> item.settle(result.report()));
        return answer;
    }

    /** Reconciles Ziik's unit tree now, and says what it did to one unit's department. */
    public OnDemandResult unit(Integration integration, long ziikUnitId) throws InterruptedException {
        LiveItem item = items.open(integration);
        Optional<String> linkedBefore = item.links().department(ziikUnitId);
        UnitsReconciler.Result result;
        try {
            // asked first, so that an unknown unit is a 404 that wrote nothing (the tree is a few pages)
            if (linkedBefore.isEmpty() && new UnitTree(item.ziik().units()).unit(ziikUnitId).isEmpty()) {
                return OnDemandResult.unknown();
            }
            result = units.reconcile(item);
        } catch (ZiikException e) {
            item.recordActivity();
            return failed(OnDemandResult.READ, "Ziik could not be read: " + e.getMessage());
        } catch (LearningbankException e) {
            item.recordActivity();
            return failed(OnDemandResult.MATCH, "Learningbank could not be read: " + e.getMessage());
        } catch (WritesStopped e) {
            return stopped(item, e);
        }
        if (result.neverSynchronised()) {
            return OnDemandResult.neverSynchronised();
        }
        OnDemandResult answer = OneUnitSteps.explain(ziikUnitId, linkedBefore, result, item.links().department(ziikUnitId));
        noteIfNothingRan(item, "department", ziikUnitId, answer, result.report().results().isEmpty());
        settle(item, () -> units.settle(item, result));
        return answer;
    }

    /**
     * The Ziik user an email belongs to, through Learningbank: its user with that email, and the
     * link to it (or its external id {@code ziik:<id>}). One call, where reading Ziik would take one
     * per user (Ziik's user lists carry no email: 10,000 reads for 10,000 users). A user Learningbank
     * does not know by that email yet (new in Ziik, or whose email changed there) is found by Ziik id.
     */
    public Optional<Long> ziikUserByEmail(Integration integration, String email) {
        LiveItem item = items.open(integration);
        Optional<LbUser> user = item.context().learningbank().userByEmail(email.trim());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> linked = item.links().userLinkedTo(user.get().id());
        if (linked.isPresent()) {
            return linked;
        }
        String externalId = user.get().externalId();
        if (externalId != null && externalId.matches("ziik:\\d{1,18}")) {
            return Optional.of(Long.parseLong(externalId.substring("ziik:".length())));
        }
        return Optional.empty();
    }

    /** Live work records only the steps that ran; an admin's request is recorded even when none did. */
    private static void noteIfNothingRan(LiveItem item, String kind, long ziikId, OnDemandResult answer, boolean nothingRan) {
        if (!nothingRan) {
            return;
        }
        OnDemandResult.Step last = answer.steps().getLast();
        item.note(kind, ziikId, answer.learningbankId(), "sync", last.outcome().equals("unchanged") ? "unchanged"
                : last.outcome().equals("failed") ? "failed" : "skipped", "synchronised on demand: " + last.message());
    }

    /**
     * Records the activity and judges the integration's health as live work does. When Learningbank
     * was unwell the integration is marked failing and its queue waits; the admin's answer already
     * says what failed, so that is not an error of this request.
     */
    private static void settle(LiveItem item, Runnable settle) {
        try {
            settle.run();
        } catch (RetryLater markedFailing) {
            // the failed step says why
        }
    }

    /** Disabled or removed while it ran (rule L4): what was written is recorded, nothing more is. */
    private static OnDemandResult stopped(LiveItem item, WritesStopped e) {
        item.recordActivity();
        return failed(OnDemandResult.APPLY, "stopped: " + e.getMessage() + " while this ran; nothing more was written");
    }

    private static OnDemandResult failed(String step, String message) {
        return new OnDemandResult(OnDemandResult.Status.DONE, List.of(new OnDemandResult.Step(step, "failed", message)),
                null, "none");
    }
}
