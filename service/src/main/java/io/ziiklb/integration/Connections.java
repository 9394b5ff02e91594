package io.ziiklb.integration;

import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.sync.ExecutionPolicy;
import io.ziiklb.ziik.ZiikClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens what work for one integration runs with: its two clients, its links and the execution policy. */
public final class Connections {
    /** One integration's clients (kept while its credentials stay the same), links and policy. */
    public record Connected(ZiikClient ziik, LearningbankClient learningbank, JdbcLinkStore links, ExecutionPolicy policy) {
    }

    private final IntegrationStore integrations;
    private final PeerClients clients;
    private final JdbcClient jdbc;
    private final ExecutionPolicy policy;

    public Connections(IntegrationStore integrations, PeerClients clients, JdbcClient jdbc, ExecutionPolicy policy) {
        this.integrations = integrations;
        this.clients = clients;
        this.jdbc = jdbc;
        this.policy = policy;
    }

    public Connected open(Integration integration) {
        IntegrationSecrets secrets = integrations.secrets(integration.id());
        return new Connected(clients.ziik(integration, secrets),
                clients.learningbank(integration, secrets, policy.concurrency()),
                new JdbcLinkStore(jdbc, integration.id()), policy);
    }
}
