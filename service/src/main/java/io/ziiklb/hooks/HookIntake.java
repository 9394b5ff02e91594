package io.ziiklb.hooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationChanges;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.jobs.LiveSync;
import io.ziiklb.ziik.webhook.DeliveredObject;
import io.ziiklb.ziik.webhook.Signature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Checks a delivery and queues its hint. The order of the checks is the order of the answers:
 * unknown integration or wrong secret (404), bad signature (401), not one of the six events or not
 * a Ziik user or unit object (400), disabled (202, dropped and counted), queued (202).
 */
public final class HookIntake {
    /** What became of a delivery. */
    public enum Outcome {
        QUEUED(202), DROPPED_DISABLED(202), DROPPED_NOT_SYNCHRONISED(202), NOT_FOUND(404), BAD_SIGNATURE(401),
        BAD_REQUEST(400);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** What a delivery is checked against, read at most every {@link #CHECK_DATA_FRESH_FOR}. */
    private record CheckData(Integration integration, String webhookSecret, String sharedSecret, Instant read) {
    }

    /**
     * Deliveries come in bursts; reading and decrypting the integration for each would dominate.
     * A change made through this instance is seen at once; one made through another instance within
     * this long, and the work queued meanwhile is dropped by the handler, which reads the
     * integration afresh before writing anything.
     */
    static final Duration CHECK_DATA_FRESH_FOR = Duration.ofSeconds(5);

    private final IntegrationStore integrations;
    private final LiveSync live;
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final Timer queueing;
    private final Clock clock;
    private final Map<String, CheckData> checkData = new ConcurrentHashMap<>();

    public HookIntake(IntegrationStore integrations, LiveSync live, MeterRegistry meters, Clock clock,
                      IntegrationChanges changes) {
        this.integrations = integrations;
        this.live = live;
        this.clock = clock;
        changes.listen(checkData::remove); // a change made here is seen at once; elsewhere within the freshness
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, meters.counter("ziiklb.webhook.deliveries", "outcome", outcome.name().toLowerCase()));
        }
        queueing = Timer.builder("ziiklb.webhook.queueing").description("Deliveries queued, from read until committed")
                .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofMinutes(2)).register(meters);
    }

    public Outcome accept(String integrationId, String secret, String event, String signature, byte[] body) {
        long started = System.nanoTime();
        Outcome outcome = judge(integrationId, secret, event, signature, body);
        counters.get(outcome).increment();
        if (outcome == Outcome.QUEUED) {
            queueing.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        return outcome;
    }

    private Outcome judge(String integrationId, String secret, String event, String signature, byte[] body) {
        Optional<CheckData> check = checkData(integrationId);
        if (check.isEmpty() || !constantTimeEquals(check.get().webhookSecret(), secret)) {
            return Outcome.NOT_FOUND; // the same answer for an unknown integration and a wrong secret
        }
        if (signature != null && check.get().sharedSecret() != null
                && !Signature.matches(check.get().sharedSecret(), body, signature)) {
            return Outcome.BAD_SIGNATURE;
        }
        Integration integration = check.get().integration();
        Optional<DeliveredObject> object = DeliveredObject.parse(event, body);
        if (object.isEmpty()) {
            return Outcome.BAD_REQUEST;
        }
        if (!integration.enabled()) {
            return Outcome.DROPPED_DISABLED; // rule L4
        }
        try {
            return live.hint(integration, object.get().kind(), object.get().id()) ? Outcome.QUEUED : Outcome.DROPPED_NOT_SYNCHRONISED;
        } catch (DataIntegrityViolationException removedMeanwhile) {
            checkData.remove(integrationId);
            return Outcome.NOT_FOUND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a hint", e);
        }
    }

    private Optional<CheckData> checkData(String integrationId) {
        CheckData cached = checkData.get(integrationId);
        if (cached != null && cached.read().plus(CHECK_DATA_FRESH_FOR).isAfter(clock.instant())) {
            return Optional.of(cached);
        }
        Optional<Integration> integration = integrations.find(integrationId);
        if (integration.isEmpty()) {
            checkData.remove(integrationId);
            return Optional.empty();
        }
        IntegrationSecrets secrets = integrations.secrets(integrationId);
        CheckData fresh = new CheckData(integration.get(), secrets.webhookSecret(), secrets.ziikSharedSecret(), clock.instant());
        checkData.put(integrationId, fresh);
        return Optional.of(fresh);
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
