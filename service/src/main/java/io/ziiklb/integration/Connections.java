package io.ziiklb.integration;

import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.queue.RetryLater;
import io.ziiklb.sync.ExecutionPolicy;
import io.ziiklb.sync.SyncContext;
import io.ziiklb.sync.Timing;
import io.ziiklb.sync.WriteGate;
import io.ziiklb.ziik.ZiikClient;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens what work for one integration runs with: its two clients, its links, the execution policy,
 * the timing (clock, sleeper, randomness) the engine runs by, and its write gate (rule L4).
 */
public final class Connections {
    /** One integration's clients (kept while its credentials stay the same), links, policy and timing. */
    public record Connected(ZiikClient ziik, LearningbankClient learningbank, JdbcLinkStore links, ExecutionPolicy policy,
                            Timing timing, WriteGate gate) {
        /** What the engine works with for this integration. */
        public SyncContext context() {
            return new SyncContext(ziik, learningbank, links, policy, timing, gate);
        }
    }

    private final IntegrationStore integrations;
    private final PeerClients clients;
    private final JdbcClient jdbc;
    private final ExecutionPolicy policy;
    private final Timing timing;
    private final WritePermits permits;

    public Connections(IntegrationStore integrations, PeerClients clients, JdbcClient jdbc, ExecutionPolicy policy,
                       Timing timing, WritePermits permits) {
        this.integrations = integrations;
        this.clients = clients;
        this.jdbc = jdbc;
        this.policy = policy;
        this.timing = timing;
        this.permits = permits;
    }

    /**
     * Credentials this instance's keys cannot open (another instance re-sealed them with a key this
     * one lacks) are not the work's fault: it waits this long and is tried again, by whichever
     * instance claims it, instead of failing or becoming a dead letter.
     */
    static final Duration UNOPENED_CREDENTIALS_WAIT = Duration.ofMinutes(1);

    /**
     * For queued work: as {@link #open}, but credentials that do not open put the work off.
     *
     * @throws RetryLater when this instance's keys do not open the integration's credentials
     */
    public Connected openForWork(Integration integration) {
        try {
            return open(integration);
        } catch (SecretBox.CannotOpen e) {
            throw new RetryLater("this instance's ZIIKLB_SECRET_KEY does not open the stored credentials", UNOPENED_CREDENTIALS_WAIT);
        }
    }

    /** @throws SecretBox.CannotOpen when this instance's keys do not open the integration's credentials */
    public Connected open(Integration integration) {
        return open(integration, integrations.secrets(integration.id()));
    }

    /**
     * For queued live work, with the integration and its secrets read in one go
     * ({@link IntegrationStore#findForWork}); as {@link #openForWork(Integration)} otherwise.
     */
    public Connected openForWork(IntegrationStore.ForWork work) {
        try {
            return open(work.integration(), integrations.open(work));
        } catch (SecretBox.CannotOpen e) {
            throw new RetryLater("this instance's ZIIKLB_SECRET_KEY does not open the stored credentials", UNOPENED_CREDENTIALS_WAIT);
        }
    }

    private Connected open(Integration integration, IntegrationSecrets secrets) {
        return new Connected(clients.ziik(integration, secrets),
                clients.learningbank(integration, secrets, policy.concurrency()),
                new JdbcLinkStore(jdbc, integration.id()), policy, timing, permits.gate(integration.id()));
    }
}
