package io.ziiklb.admin;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStatus;
import io.ziiklb.integration.SyncRun;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.sync.Problem;
import java.util.List;
import java.util.Map;

/** An integration as the API shows it: never a password, token or secret. */
record IntegrationView(String id, boolean enabled, String state, String notice, IntegrationSettings settings, Endpoint ziik,
                       Endpoint learningbank, SyncView lastSync, QueueView queue,
                       Map<String, Integer> links, List<ProblemView> problems, SsoView sso) {

    /** Automatic sign-in: on or off, its launch address, its identity provider (never a secret). */
    record SsoView(boolean enabled, String launchUrl, OidcView oidc) {
    }

    record OidcView(String issuer, String clientId, String claim) {
    }

    record Endpoint(String baseUrl, String username) {
    }

    record ProblemView(String kind, long ziikId, String code, String message) {
        static ProblemView of(Problem p) {
            return new ProblemView(p.kind().wireName(), p.ziikId(), p.code(), p.message());
        }
    }

    /** What is queued: pending hints and work, how long the oldest has waited, dead letters. */
    record QueueView(int pending, long oldestPendingSeconds, int deadLetters) {
    }

    static IntegrationView of(IntegrationStatus status) {
        Integration i = status.integration();
        WorkQueue.QueueStatus queue = status.queue();
        return new IntegrationView(i.id(), i.enabled(), status.state(), status.notice(), i.settings(),
                new Endpoint(i.ziikBaseUrl(), i.ziikUsername()), new Endpoint(i.learningbankBaseUrl(), i.learningbankUsername()),
                status.lastRun() == null ? null : SyncView.of(status.lastRun()),
                new QueueView(queue.pending(), queue.oldestPendingSeconds(), queue.dead()), status.links(),
                status.problems().stream().map(ProblemView::of).toList(), new SsoView(status.sso().enabled(),
                        status.sso().launchUrl(), status.sso().oidc() == null ? null : new OidcView(status.sso().oidc().issuer(),
                        status.sso().oidc().clientId(), status.sso().oidc().claim())));
    }

    /** {@code GET .../syncs/{syncId}}. */
    record SyncView(String syncId, String status, String phase, int done, int total, SyncRun.Counts counts, int held,
                    String message, String startedAt, String finishedAt) {
        static SyncView of(SyncRun r) {
            return new SyncView(r.id(), r.status(), r.phase(), r.done(), r.total(), r.counts(), r.held(), r.message(),
                    r.startedAt().toString(), r.finishedAt() == null ? null : r.finishedAt().toString());
        }
    }
}
