package io.ziiklb.hooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationChanges;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.jobs.LiveSync;
import io.ziiklb.ziik.webhook.DeliveredObject;
import io.ziiklb.ziik.webhook.Signature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Checks a delivery and queues its hint, in the order of the answers: first its address alone
 * ({@link #recipient}: unknown integration or wrong secret, 404), so that nothing of the body is
 * read for a stranger; then what {@link WebhookReceiver} checks of the request (signature present,
 * size); then the body ({@link #accept}: bad signature 401, not one of the six events or not a
 * Ziik user or unit object 400, disabled 202 and dropped, queued 202).
 *
 * <p>What cannot be checked or queued for want of the database or of credentials that open is
 * thrown, for the receiver to answer 503: Ziik delivers again later.
 */
public final class HookIntake {
    /**
     * Deliveries come in bursts; reading and decrypting the integration for each would dominate.
     * A change made through this instance is seen at once; one made through another instance within
     * this long, and the work queued meanwhile is dropped by the handler, which reads the
     * integration afresh before writing anything.
     */
    static final Duration CHECK_DATA_FRESH_FOR = Duration.ofSeconds(5);

    /** Whom a delivery's address names, and what its body is checked against. */
    record Recipient(Integration integration, byte[] webhookSecretDigest, String sharedSecret, Instant read) {
        /** With a shared secret, every delivery must be signed. */
        boolean mustBeSigned() {
            return sharedSecret != null && !sharedSecret.isEmpty();
        }
    }

    private final IntegrationStore integrations;
    private final LiveSync live;
    private final Map<DeliveryOutcome, Counter> counters = new EnumMap<>(DeliveryOutcome.class);
    private final Timer queueing;
    private final Clock clock;
    private final Map<String, Recipient> recipients = new ConcurrentHashMap<>();

    public HookIntake(IntegrationStore integrations, LiveSync live, MeterRegistry meters, Clock clock,
                      IntegrationChanges changes) {
        this.integrations = integrations;
        this.live = live;
        this.clock = clock;
        changes.listen(recipients::remove); // a change made here is seen at once; elsewhere within the freshness
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            counters.put(outcome, meters.counter("ziiklb.webhook.deliveries", "outcome", outcome.name().toLowerCase()));
        }
        queueing = Timer.builder("ziiklb.webhook.queueing").description("Deliveries queued, from read until committed")
                .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofMinutes(2)).register(meters);
    }

    /**
     * The integration a delivery's address names, when its secret is right (compared in constant
     * time); empty for an unknown integration and a wrong secret alike.
     *
     * @throws RuntimeException when the database is away or the credentials do not open
     */
    Optional<Recipient> recipient(String integrationId, String secret) {
        Optional<Recipient> recipient = lookUp(integrationId);
        byte[] given = digest(secret);
        return recipient.filter(r -> r.webhookSecretDigest() != null && MessageDigest.isEqual(r.webhookSecretDigest(), given));
    }

    /** Judges the body of a delivery to {@code recipient} and queues its hint. */
    DeliveryOutcome accept(Recipient recipient, String event, String signature, byte[] body) throws InterruptedException {
        if (recipient.mustBeSigned() && !Signature.matches(recipient.sharedSecret(), body, signature)) {
            return DeliveryOutcome.BAD_SIGNATURE;
        }
        Optional<DeliveredObject> object = DeliveredObject.parse(event, body);
        if (object.isEmpty()) {
            return DeliveryOutcome.BAD_REQUEST;
        }
        Integration integration = recipient.integration();
        if (!integration.enabled()) {
            return DeliveryOutcome.DROPPED_DISABLED; // rule L4
        }
        try {
            return live.hint(integration, object.get().kind(), object.get().id())
                    ? DeliveryOutcome.QUEUED : DeliveryOutcome.DROPPED_NOT_SYNCHRONISED;
        } catch (DataIntegrityViolationException removedMeanwhile) {
            recipients.remove(integration.id());
            return DeliveryOutcome.NOT_FOUND;
        }
    }

    /** Counts what became of a delivery; a queued one's time from arrival to commit too. */
    void count(DeliveryOutcome outcome, long arrivedNanos) {
        counters.get(outcome).increment();
        if (outcome == DeliveryOutcome.QUEUED) {
            queueing.record(System.nanoTime() - arrivedNanos, TimeUnit.NANOSECONDS);
        }
    }

    private Optional<Recipient> lookUp(String integrationId) {
        Recipient cached = recipients.get(integrationId);
        if (cached != null && cached.read().plus(CHECK_DATA_FRESH_FOR).isAfter(clock.instant())) {
            return Optional.of(cached);
        }
        Optional<Integration> integration = integrations.find(integrationId);
        if (integration.isEmpty()) {
            recipients.remove(integrationId);
            return Optional.empty();
        }
        IntegrationSecrets secrets = integrations.secrets(integrationId); // throws when the key does not open them
        Recipient fresh = new Recipient(integration.get(),
                secrets.webhookSecret() == null ? null : digest(secrets.webhookSecret()), secrets.ziikSharedSecret(),
                clock.instant());
        recipients.put(integrationId, fresh);
        return Optional.of(fresh);
    }

    /**
     * Secrets are compared by their SHA-256: equal lengths whatever was sent, so the comparison
     * takes the same time for every wrong secret and tells nothing of the right one's length.
     */
    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
