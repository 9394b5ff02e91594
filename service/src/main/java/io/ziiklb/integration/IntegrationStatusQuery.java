package io.ziiklb.integration;

import io.ziiklb.audit.ProblemStore;
import io.ziiklb.http.ApiProblem;
import io.ziiklb.queue.WorkKind;
import io.ziiklb.queue.WorkQueue;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads an integration's {@link IntegrationStatus} and its synchronisations from the stores. */
public final class IntegrationStatusQuery {
    /** The problems shown with an integration: the newest, so that the status stays a small read. */
    static final int MAX_PROBLEMS_SHOWN = 200;

    private final IntegrationStore integrations;
    private final SyncRunStore runs;
    private final WorkQueue queue;
    private final ProblemStore problems;
    private final JdbcClient jdbc;
    private final SsoStore sso;

    public IntegrationStatusQuery(IntegrationStore integrations, SyncRunStore runs, WorkQueue queue, ProblemStore problems,
                                  JdbcClient jdbc, SsoStore sso) {
        this.integrations = integrations;
        this.runs = runs;
        this.queue = queue;
        this.problems = problems;
        this.jdbc = jdbc;
        this.sso = sso;
    }

    public IntegrationStatus of(Integration integration) {
        String id = integration.id();
        SyncRun last = runs.latest(id).orElse(null);
        Optional<IntegrationStore.Failing> failing = integrations.failing(id);
        return new IntegrationStatus(integration, state(integration, failing.isPresent(), last), notice(integration, failing, last),
                last, queue.status(id), new JdbcLinkStore(jdbc, id).counts(), problems.list(id, MAX_PROBLEMS_SHOWN),
                missedChangesSince(integration, last).orElse(null), sso.status(id));
    }

    /** One synchronisation of the integration; 404 when the integration or the synchronisation is unknown. */
    public SyncRun run(String integrationId, String syncId) {
        integrations.find(integrationId).orElseThrow(() -> ApiProblem.notFound("integration " + integrationId));
        return runs.find(integrationId, syncId).orElseThrow(() -> ApiProblem.notFound("synchronisation " + syncId));
    }

    /** The first that applies wins: an operator's choice, then what blocks work, then what is going on. */
    private String state(Integration integration, boolean failing, SyncRun last) {
        return !integration.enabled() ? "disabled"
                : failing ? "failing"
                : queue.queued(integration.id(), WorkKind.FULL_SYNC, 0).isPresent() ? "syncing"
                : last != null && HeldDeletions.holds(last) ? "held"
                : last != null && last.runStatus() == RunStatus.FAILED && !last.stopped() ? "failing"
                : "idle";
    }

    private Optional<String> failingNotice(Optional<IntegrationStore.Failing> failing) {
        return failing.map(f -> "Failing since " + f.since() + ": " + f.reason() + ". Work is held back and"
                + " retried; it resumes by itself when Learningbank answers.");
    }

    private String notice(Integration integration, Optional<IntegrationStore.Failing> failing, SyncRun last) {
        return failingNotice(failing).or(() -> missedChangesNotice(integration, last)).orElse(null);
    }

    private Optional<java.time.Instant> missedChangesSince(Integration integration, SyncRun lastSync) {
        return integrations.disabledAt(integration.id())
                .filter(disabledAt -> integration.enabled() && (lastSync == null || lastSync.startedAt().isBefore(disabledAt)));
    }

    /**
     * Rule L4: re-enabling replays nothing. Until a full synchronisation has started since the
     * integration was last disabled, this says so, and what to do.
     */
    private Optional<String> missedChangesNotice(Integration integration, SyncRun lastSync) {
        return missedChangesSince(integration, lastSync)
                .map(disabledAt -> "The integration was disabled at " + disabledAt + ": changes made in Ziik since then may"
                        + " not have reached Learningbank. Initiate a synchronisation (POST /api/v1/integrations/"
                        + integration.id() + "/syncs).");
    }
}
