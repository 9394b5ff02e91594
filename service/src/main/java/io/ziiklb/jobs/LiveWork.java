package io.ziiklb.jobs;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.queue.RetryLater;
import io.ziiklb.queue.WorkHandler;
import io.ziiklb.queue.WorkItem;
import io.ziiklb.sync.WritesStopped;
import io.ziiklb.ziik.ZiikRateLimitedException;
import java.util.Optional;

/**
 * Rule L3: each change Ziik hints at reaches Learningbank without waiting for a full
 * synchronisation. Works the live kinds of the queue ({@code USER}, {@code UNITS}, {@code ROLES}, and
 * the sweeps for changes Ziik does not announce, {@code LIST_SWEEP}, {@code DEEP_SWEEP}),
 * each by its handler: the one place where live work is dispatched by kind. Around each item it
 * does what every kind needs: nothing for a removed or disabled integration (rule L4), also when
 * that happens while the item is under way ({@link WritesStopped}: the item ends, not retried), the
 * {@link HealthGate} before and after, and the activity recorded however the item ends.
 */
public final class LiveWork implements WorkHandler {
    /** The handler of each live kind. */
    record Handlers(UserReconcileHandler user, UnitTreeHandler units, RolePollHandler roles, ListSweepHandler list,
                    DeepSweepHandler deep) {
    }

    private final IntegrationStore integrations;
    private final LiveItems items;
    private final HealthGate health;
    private final Handlers handlers;

    LiveWork(IntegrationStore integrations, LiveItems items, HealthGate health, Handlers handlers) {
        this.integrations = integrations;
        this.items = items;
        this.health = health;
        this.handlers = handlers;
    }

    @Override
    public void handle(WorkItem item) throws Exception {
        IntegrationStore.ForWork found = integrations.findForWork(item.integrationId()).orElse(null);
        if (found == null || !found.integration().enabled()) {
            return; // removed, or disabled: nothing is written (rule L4)
        }
        Integration integration = found.integration();
        health.holdBackWhileFailing(integration, found.failing().isPresent());
        LiveItem work = items.open(found);
        try {
            switch (item.kind()) {
                case USER -> handlers.user().work(work, item.ziikId());
                case UNITS -> handlers.units().work(work);
                case ROLES -> handlers.roles().work(work);
                case LIST_SWEEP -> handlers.list().work(work);
                case DEEP_SWEEP -> handlers.deep().work(work);
                case FULL_SYNC -> throw new IllegalArgumentException("a full synchronisation is not live work: " + item);
            }
        } catch (LearningbankException e) {
            Optional<String> trouble = HealthGate.trouble(e);
            if (trouble.isEmpty()) {
                throw e;
            }
            work.recordActivity();
            health.unwell(integration, trouble.get());
        } catch (WritesStopped e) { // disabled or removed meanwhile: what was written is recorded, the rest is dropped
            work.recordActivity();
        } catch (ZiikRateLimitedException e) { // Ziik's limit, not the item's fault: wait as Ziik asks, never a dead letter
            work.recordActivity();
            throw new RetryLater(e.getMessage(), e.retryAfter());
        }
    }
}
