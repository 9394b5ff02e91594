package io.ziiklb.admin;

import io.ziiklb.integration.HeldDeletions;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.IntegrationStatusQuery;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.audit.ProblemStore;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SsoStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.queue.WorkQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The integration layer's status read and held-deletion decisions, which only the operator's
 * side (this API, the admin pages) uses; the rest of the service is wired in {@code ServiceConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    IntegrationStatusQuery integrationStatusQuery(IntegrationStore integrations, SyncRunStore runs, WorkQueue queue,
                                                  ProblemStore problems, JdbcClient jdbc, SsoStore sso) {
        return new IntegrationStatusQuery(integrations, runs, queue, problems, jdbc, sso);
    }

    @Bean
    HeldDeletions heldDeletions(IntegrationService integrations, IntegrationStatusQuery status, SyncService syncs,
                                SyncRunStore runs) {
        return new HeldDeletions(integrations, status, syncs, runs);
    }
}
