package io.ziiklb.integration;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.ziik.webhook.WebhookRegistration;
import io.ziiklb.ziik.ZiikException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating, changing, enabling, disabling and removing integrations. */
public final class IntegrationService {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a removal waits for a running synchronisation to stop: its steps in flight end first. */
    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(30);

    private final IntegrationStore store;
    private final CredentialCheck check;
    private final SyncService syncs;
    private final PeerClients clients;
    private final Supplier<String> publicUrl;
    private final IntegrationChanges changes;
    private final Clock clock;

    /** @param publicUrl where Ziik reaches this service (read when needed: the port is known late) */
    public IntegrationService(IntegrationStore store, CredentialCheck check, SyncService syncs, PeerClients clients,
                              Supplier<String> publicUrl, IntegrationChanges changes, Clock clock) {
        this.store = store;
        this.check = check;
        this.syncs = syncs;
        this.clients = clients;
        this.publicUrl = publicUrl;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Checks both sets of credentials live (rule L1), saves, and registers the six webhooks in Ziik;
     * when Ziik refuses those, nothing is kept. No synchronisation starts.
     */
    public Integration create(Credentials.Ziik ziik, Credentials.Learningbank learningbank, IntegrationSettings settings) {
        IntegrationSettings s = settings == null ? IntegrationSettings.defaults() : settings;
        Map<String, List<String>> problems = new LinkedHashMap<>(Credentials.problems(ziik, learningbank));
        problems.putAll(s.problems());
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        check.ziik(ziik);
        check.learningbank(learningbank);
        Instant now = clock.instant();
        Integration integration = new Integration(UUID.randomUUID().toString(), true, trimSlash(ziik.baseUrl()),
                ziik.username().trim(), trimSlash(learningbank.baseUrl()), learningbank.username().trim(), s, now, now);
        IntegrationSecrets secrets = new IntegrationSecrets(ziik.password(), ziik.sharedSecret(), learningbank.password(),
                learningbank.token(), randomSecret(), randomSecret());
        store.insert(integration, secrets);
        try {
            WebhookRegistration.register(clients.ziik(integration, secrets),
                    WebhookRegistration.base(publicUrl.get(), integration.id(), secrets.webhookSecret()));
        } catch (ZiikException e) {
            store.delete(integration.id());
            throw webhooksRefused(e);
        }
        return integration;
    }

    public Integration get(String id) {
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("integration " + id));
    }

    /** The integration, when it is enabled: nothing is started for a disabled one (rule L4). */
    public Integration requireEnabled(String id) {
        Integration integration = get(id);
        if (!integration.enabled()) {
            throw new ApiProblem(409, "disabled", "the integration is disabled; enable it first", Map.of());
        }
        return integration;
    }

    public List<Integration> list() {
        return store.list();
    }

    /**
     * Changes settings and/or credentials. Credentials given are merged with the stored ones (a
     * field left out stays) and checked live before anything is saved. A peer's address changes
     * only with that peer's whole set of credentials in the same request: stored secrets are never
     * sent to an address they were not given for. When Ziik's address or account changes, the
     * webhooks move with it: registered in the new Ziik, then deleted in the old one.
     */
    public Integration patch(String id, Credentials.Ziik ziik, Credentials.Learningbank learningbank, SettingsPatch settings) {
        Integration current = get(id);
        IntegrationSecrets secrets = store.secrets(id);
        Instant now = clock.instant();
        Integration next = settings == null ? current : current.withSettings(settings.applyTo(current.settings()), now);
        Map<String, List<String>> problems = new LinkedHashMap<>(next.settings().problems());
        Credentials.Ziik z = ziik == null ? null : new Credentials.Ziik(
                or(ziik.baseUrl(), current.ziikBaseUrl()), or(ziik.username(), current.ziikUsername()),
                or(ziik.password(), secrets.ziikPassword()), or(ziik.sharedSecret(), secrets.ziikSharedSecret()));
        Credentials.Learningbank lb = learningbank == null ? null : new Credentials.Learningbank(
                or(learningbank.baseUrl(), current.learningbankBaseUrl()), or(learningbank.username(), current.learningbankUsername()),
                or(learningbank.password(), secrets.learningbankPassword()), or(learningbank.token(), secrets.learningbankToken()));
        Map<String, List<String>> credentialProblems = Credentials.problems(
                z == null ? new Credentials.Ziik(current.ziikBaseUrl(), current.ziikUsername(), "unchanged", null) : z,
                lb == null ? new Credentials.Learningbank(current.learningbankBaseUrl(), current.learningbankUsername(), "unchanged", "unchanged") : lb);
        problems.putAll(credentialProblems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        Map<String, List<String>> missing = Credentials.missingForNewAddress(current, ziik, learningbank);
        if (!missing.isEmpty()) {
            throw new ApiProblem(422, "credentials_required", "a new address needs that system's whole credentials:"
                    + " what is stored for the old address is never sent to a new one", missing);
        }
        if (z != null) {
            check.ziik(z);
            next = next.withZiik(trimSlash(z.baseUrl()), z.username().trim(), now);
            secrets = new IntegrationSecrets(z.password(), z.sharedSecret(), secrets.learningbankPassword(),
                    secrets.learningbankToken(), secrets.webhookSecret(), secrets.ssoSecret(), secrets.oidcClientSecret());
        }
        if (lb != null) {
            check.learningbank(lb);
            next = next.withLearningbank(trimSlash(lb.baseUrl()), lb.username().trim(), now);
            secrets = new IntegrationSecrets(secrets.ziikPassword(), secrets.ziikSharedSecret(), lb.password(), lb.token(),
                    secrets.webhookSecret(), secrets.ssoSecret(), secrets.oidcClientSecret());
        }
        boolean ziikMoved = !next.ziikBaseUrl().equals(current.ziikBaseUrl()) || !next.ziikUsername().equals(current.ziikUsername());
        if (ziikMoved) {
            moveWebhooks(current, store.secrets(id), next, secrets);
        }
        store.update(next);
        if (z != null || lb != null) {
            store.updateSecrets(id, secrets);
        }
        changes.changed(id);
        return next;
    }

    /**
     * The new Ziik gets the six webhooks first (refused there: nothing changes, 422); the old one's
     * are deleted after, as best it can (a Ziik no longer reachable keeps them, and their deliveries
     * are checked against the new address's secret path, which they do not know).
     */
    private void moveWebhooks(Integration before, IntegrationSecrets beforeSecrets, Integration after,
                              IntegrationSecrets afterSecrets) {
        try {
            WebhookRegistration.register(clients.ziik(after, afterSecrets),
                    WebhookRegistration.base(publicUrl.get(), after.id(), afterSecrets.webhookSecret()));
        } catch (ZiikException e) {
            throw webhooksRefused(e);
        }
        if (!before.ziikBaseUrl().equals(after.ziikBaseUrl())) {
            try {
                WebhookRegistration.remove(clients.ziik(before, beforeSecrets), before.id());
            } catch (ZiikException e) {
                LOG.warn("could not delete the webhooks of integration {} in its former Ziik: {}", before.id(), e.getMessage());
            }
        }
    }

    /** Rule L4: nothing is written to Learningbank while disabled; disabling changes nothing there. */
    public Integration setEnabled(String id, boolean enabled) {
        Integration current = get(id);
        Integration next = current.withEnabled(enabled, clock.instant());
        store.update(next);
        if (current.enabled() && !enabled) {
            store.markDisabled(id, clock.instant());
        }
        changes.changed(id);
        return next;
    }

    /**
     * Rule L5: stops a synchronisation that is running, deletes its webhooks (and, through
     * {@link IntegrationChanges#beforeRemoval}, its quicklink) in Ziik, then
     * everything here (credentials, links, queued work, runs, activity); Learningbank is not
     * touched. When Ziik cannot be reached the removal goes on: deliveries to a removed
     * integration's address are refused (404) and change nothing.
     */
    public void remove(String id) {
        Integration integration = get(id);
        if (!syncs.stop(id, SyncRun.stoppedMessage("the integration is being removed"), STOP_WAIT)) {
            LOG.warn("integration {} is removed while a synchronisation may still run in an instance that stopped answering", id);
        }
        changes.removing(integration);
        try {
            WebhookRegistration.remove(clients.ziik(integration, store.secrets(id)), id);
        } catch (ZiikException e) {
            LOG.warn("could not delete the webhooks of integration {} in Ziik: {}", id, e.getMessage());
        }
        store.delete(id);
        changes.changed(id);
    }

    private static ApiProblem webhooksRefused(ZiikException e) {
        return new ApiProblem(422, "webhooks_refused", "Ziik refused to register the webhooks: " + e.getMessage(),
                Map.of("ziik", List.of("could not register webhooks: " + e.getMessage())));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }

    private static String trimSlash(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
