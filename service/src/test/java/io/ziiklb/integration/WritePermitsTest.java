package io.ziiklb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ziiklb.sync.WriteGate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service's write gate (rule L4): open while the integration is enabled; closed at once by a
 * change made through this instance, and within {@link WritePermits#FRESH} by one made through
 * another instance (here: the row changed without this instance hearing of it).
 */
class WritePermitsTest {
    private final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
    private final IntegrationStore store = new IntegrationStore(db.jdbc(), SecretBox.fromBase64(SecretBox.newKey()));
    private final IntegrationChanges changes = new IntegrationChanges();
    private final WritePermits permits = new WritePermits(store, changes);
    private final Integration integration = new Integration("int-gate", true, "http://z", "a", "http://lb", "l",
            IntegrationSettings.defaults(), Instant.now(), Instant.now());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void openWhileEnabled_closedAtOnceWhenDisabledHere_openAgainWhenEnabled() {
        store.insert(integration, new IntegrationSecrets("pw", null, "lbpw", "token", "hook", "sso"));
        WriteGate gate = permits.gate(integration.id());
        assertThat(gate.closedBecause()).isEmpty();

        store.update(integration.withEnabled(false, Instant.now()));
        changes.changed(integration.id());
        assertThat(gate.closedBecause()).contains("the integration was disabled");

        store.update(integration.withEnabled(true, Instant.now()));
        changes.changed(integration.id());
        assertThat(gate.closedBecause()).isEmpty();
    }

    @Test
    void disabledThroughAnotherInstance_closesWithinAMoment() {
        store.insert(integration, new IntegrationSecrets("pw", null, "lbpw", "token", "hook", "sso"));
        WriteGate gate = permits.gate(integration.id());
        assertThat(gate.closedBecause()).isEmpty();

        store.update(integration.withEnabled(false, Instant.now())); // no change heard here

        await().atMost(WritePermits.FRESH.plus(Duration.ofMillis(500))).pollInterval(Duration.ofMillis(10))
                .until(() -> gate.closedBecause().isPresent());
    }

    @Test
    void removed_orNeverThere_isClosed() {
        assertThat(permits.gate("no-such-integration").closedBecause()).contains("the integration was removed");
    }
}
