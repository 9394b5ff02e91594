package io.ziiklb.jobs;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankUnauthorizedException;
import io.ziiklb.queue.RetryLater;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.sync.ExecutionReport;
import io.ziiklb.sync.ProblemCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Job health: when Learningbank refused the credentials or kept failing, the integration is
 * marked failing, its other waiting work is held back (no hammering), and the item is tried again
 * later; the first run that works clears the mark. A refusal of one object (a 422, a name
 * conflict) is that object's problem, not the integration's.
 */
final class HealthGate {
    private final IntegrationStore integrations;
    private final WorkQueue queue;
    private final Clock clock;
    private final Duration pause;
    private final Map<String, Instant> lastProbe = new ConcurrentHashMap<>();

    HealthGate(IntegrationStore integrations, WorkQueue queue, Clock clock, Duration pause) {
        this.integrations = integrations;
        this.queue = queue;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * While the integration fails ({@code failing}, as read with it), one item per pause probes
     * Learningbank; the others wait without calling it.
     *
     * @throws RetryLater when this item is one of the others
     */
    void holdBackWhileFailing(Integration integration, boolean failing) {
        if (!failing) {
            return;
        }
        Instant now = clock.instant();
        // one atomic step: with a get and a later put, two items worked at once could both see no
        // recent probe and both call Learningbank in the same pause
        boolean[] thisProbes = {false};
        lastProbe.compute(integration.id(), (id, probed) -> {
            if (probed != null && probed.plus(pause).isAfter(now)) {
                return probed;
            }
            thisProbes[0] = true;
            return now;
        });
        if (!thisProbes[0]) {
            throw new RetryLater("held back while the integration is failing", pause);
        }
    }

    /**
     * Judges the integration's health by what a reconcile did: clears the mark when it worked (and
     * there may be one: {@code mayBeFailing} is false when it was read unmarked as the work began).
     *
     * @throws RetryLater when it aborted or a step failed for Learningbank's health (then marked failing)
     */
    void judge(Integration integration, ExecutionReport report, boolean mayBeFailing) {
        String trouble = report.aborted() ? report.abortReason() : report.problems().stream()
                .filter(p -> ProblemCode.of(p).transientFailure()) // Learningbank unwell, not the object wrong
                .map(p -> "Learningbank kept failing: " + p.message())
                .findFirst().orElse(null);
        if (trouble == null) {
            if (mayBeFailing) {
                integrations.clearFailing(integration.id());
            }
            return;
        }
        unwell(integration, trouble);
    }

    /**
     * What a Learningbank failure that escaped the reconcile says of the integration's health: the
     * trouble to mark it failing with when Learningbank refused the credentials or its failure is
     * transient; empty when it is the item's own failure.
     */
    static Optional<String> trouble(LearningbankException e) {
        if (e instanceof LearningbankUnauthorizedException) {
            return Optional.of("Learningbank refused the credentials: " + e.getMessage());
        }
        return e.transientFailure() ? Optional.of("Learningbank kept failing: " + e.getMessage()) : Optional.empty();
    }

    /**
     * Marks the integration failing, holds back its waiting work for a pause, and has this item tried
     * again after it.
     *
     * @throws RetryLater always
     */
    void unwell(Integration integration, String trouble) {
        integrations.markFailing(integration.id(), trouble, clock.instant());
        queue.defer(integration.id(), clock.instant().plus(pause));
        throw new RetryLater(trouble, pause);
    }
}
