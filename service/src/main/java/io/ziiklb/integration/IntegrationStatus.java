package io.ziiklb.integration;

import io.ziiklb.queue.WorkQueue;
import io.ziiklb.sync.Problem;
import java.util.List;
import java.util.Map;

/**
 * How an integration is doing, as an operator sees it: the API's {@code GET /integrations/{id}}
 * now, the admin pages next. Computed in one place, {@link IntegrationStatusQuery}.
 *
 * @param state   {@code disabled}, {@code failing}, {@code syncing}, {@code held} or {@code idle}
 * @param notice  what the operator should know or do, in words; {@code null} when nothing
 * @param lastRun the newest full synchronisation; {@code null} before the first
 * @param links   how many objects of each kind are linked to Learningbank
 * @param sso     automatic sign-in: on or off, its launch address, its identity provider
 * @param missedChangesSince when it was last disabled, while no full synchronisation has started
 *                since (rule L4: changes made meanwhile may be missing); null otherwise
 */
public record IntegrationStatus(Integration integration, String state, String notice, SyncRun lastRun,
                                WorkQueue.QueueStatus queue, Map<String, Integer> links, List<Problem> problems,
                                java.time.Instant missedChangesSince, Sso sso) {

    /** @param launchUrl null when off; @param oidc null when none is configured */
    public record Sso(boolean enabled, String launchUrl, SsoSettings.Oidc oidc) {
    }
}
