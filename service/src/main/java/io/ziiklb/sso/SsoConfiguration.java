package io.ziiklb.sso;

import io.ziiklb.integration.Connections;
import io.ziiklb.integration.IntegrationChanges;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SsoStore;
import io.ziiklb.http.AllowedPeers;
import io.ziiklb.jobs.LiveSync;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Automatic sign-in's beans; the launch pages' security is the console's chain ({@code /sso/**} open). */
@Configuration(proxyBeanMethods = false)
class SsoConfiguration {

    @Bean
    SsoService ssoService(IntegrationStore integrations, SsoStore sso, Connections connections, Clock clock,
                          IntegrationChanges changes) {
        SsoService service = new SsoService(integrations, sso, connections, clock);
        changes.beforeRemoval(service::removing);
        return service;
    }

    @Bean
    OidcRegistrations oidcRegistrations(SsoStore sso, IntegrationStore integrations, AllowedPeers peers, Clock clock) {
        return new OidcRegistrations(OidcRegistrations.Source.of(sso, integrations), peers, new OidcHttp(peers).rest(), clock);
    }

    @Bean
    OidcSignIn oidcSignIn(OidcRegistrations registrations, AllowedPeers peers) {
        return new OidcSignIn(registrations, new OidcHttp(peers));
    }

    @Bean
    Launcher launcher(Connections connections, IntegrationStore integrations, JdbcClient jdbc, LiveSync live, Clock clock) {
        return new Launcher(connections, integrations, new LaunchTokens(jdbc, clock), new RememberedSignIns(jdbc, clock),
                new OnTheSpot(live), clock);
    }
}
