package io.ziiklb.integration;

import io.ziiklb.sync.WriteGate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link WriteGate} of each integration: open while it is enabled, closed once it is disabled
 * or removed (rule L4). The executor asks before every step, so the answer is kept for a moment
 * instead of reading the database each time: a change made through this instance closes the gate
 * at once (the answer is dropped when {@link IntegrationChanges} hears of it), one made through
 * another instance within {@link #FRESH}.
 */
public final class WritePermits {
    /** How long an answer read from the database is trusted: how late another instance's disabling is seen. */
    static final Duration FRESH = Duration.ofMillis(250);

    /** An answer, and when the read that gave it started. */
    private record Answer(Optional<String> closedBecause, long readStartedNanos) {
    }

    private final IntegrationStore store;
    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();
    /** When each integration last changed here: an answer read before that is stale, however new. */
    private final ConcurrentHashMap<String, Long> changedNanos = new ConcurrentHashMap<>();

    public WritePermits(IntegrationStore store, IntegrationChanges changes) {
        this.store = store;
        changes.listen(id -> {
            changedNanos.put(id, System.nanoTime());
            answers.remove(id);
        });
    }

    /** The gate of one integration. */
    public WriteGate gate(String integrationId) {
        return () -> closedBecause(integrationId);
    }

    private Optional<String> closedBecause(String integrationId) {
        long now = System.nanoTime();
        Answer kept = answers.get(integrationId);
        if (kept != null && now - kept.readStartedNanos() < FRESH.toNanos() && readSinceLastChange(integrationId, kept)) {
            return kept.closedBecause();
        }
        Optional<String> read = store.find(integrationId)
                .map(i -> i.enabled() ? Optional.<String>empty() : Optional.of("the integration was disabled"))
                .orElse(Optional.of("the integration was removed"));
        answers.put(integrationId, new Answer(read, now));
        return read;
    }

    private boolean readSinceLastChange(String integrationId, Answer answer) {
        Long changed = changedNanos.get(integrationId);
        return changed == null || answer.readStartedNanos() - changed > 0;
    }
}
