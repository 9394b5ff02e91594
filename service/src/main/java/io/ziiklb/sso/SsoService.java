package io.ziiklb.sso;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SsoSettings;
import io.ziiklb.integration.SsoStore;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikException;
import io.ziiklb.ziik.ZiikNotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turning automatic sign-in on (a fresh signing secret each time, so turning it on again rotates
 * it and the old secret's tokens stop working), off, and making launch addresses for chat links.
 * The Ziik quicklink "Learningbank" follows: made or updated with the launch address when it is
 * turned on, deleted when it is turned off or the integration is removed.
 */
public final class SsoService {
    private static final Logger LOG = LoggerFactory.getLogger(SsoService.class);
    static final String QUICKLINK_NAME = "Learningbank";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What turning it on answers, once: the secret is shown here and never again. */
    public record TurnedOn(String secret, String launchUrl) {
        @Override
        public String toString() {
            return "TurnedOn[" + launchUrl + "]";
        }
    }

    private final IntegrationStore integrations;
    private final SsoStore sso;
    private final Connections connections;
    private final Clock clock;

    public SsoService(IntegrationStore integrations, SsoStore sso, Connections connections, Clock clock) {
        this.integrations = integrations;
        this.sso = sso;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * @param oidc           the customer's identity provider, or null for none
     * @param oidcClientSecret its client secret (null keeps the stored one)
     */
    public TurnedOn turnOn(Integration integration, SsoSettings.Oidc oidc, String oidcClientSecret) {
        String secret = randomSecret();
        IntegrationSecrets secrets = integrations.secrets(integration.id());
        String clientSecret = oidc == null ? null : oidcClientSecret != null ? oidcClientSecret : secrets.oidcClientSecret();
        integrations.updateSecrets(integration.id(), secrets.withSso(secret, clientSecret));
        String launchUrl = sso.launchUrl(integration.id());
        Long quicklink = placeQuicklink(integration, sso.find(integration.id()).map(SsoSettings::quicklinkId).orElse(null), launchUrl);
        sso.save(integration.id(), new SsoSettings(quicklink, oidc), clock.instant());
        LOG.info("automatic sign-in of integration {} turned on (secret rotated)", integration.id());
        return new TurnedOn(secret, launchUrl);
    }

    /** Off: the quicklink is deleted in Ziik (as best it can), the remembered sign-ins are forgotten. */
    public void turnOff(Integration integration) {
        sso.find(integration.id()).map(SsoSettings::quicklinkId).ifPresent(id -> deleteQuicklink(integration, id));
        sso.delete(integration.id());
        LOG.info("automatic sign-in of integration {} turned off", integration.id());
    }

    /** Before an integration is removed (rule L5): its quicklink goes too. */
    public void removing(Integration integration) {
        sso.find(integration.id()).map(SsoSettings::quicklinkId).ifPresent(id -> deleteQuicklink(integration, id));
    }

    /** The launch address (without a token) that signs a Ziik user in to {@code url}; 422 when it is not on the platform. */
    public String launchUrlFor(Integration integration, String url, String platformUrl) {
        if (url == null || LaunchTarget.pathOn(url, platformUrl).isEmpty() || !url.trim().contains("://")) {
            throw new ApiProblem(422, "not_on_platform", "the address is not on the integration's Learningbank platform ("
                    + platformUrl + ")", Map.of("url", List.of("must be an address on " + platformUrl)));
        }
        return sso.launchUrl(integration.id()) + "?target=" + URLEncoder.encode(url.trim(), StandardCharsets.UTF_8);
    }

    /** Whether automatic sign-in is on for the integration. */
    public Optional<SsoSettings> settings(String integrationId) {
        return sso.find(integrationId);
    }

    private Long placeQuicklink(Integration integration, Long existing, String launchUrl) {
        try {
            ZiikClient ziik = connections.open(integration).ziik();
            if (existing != null) {
                try {
                    ziik.updateQuicklink(existing, QUICKLINK_NAME, launchUrl);
                    return existing;
                } catch (ZiikNotFoundException deletedInZiik) {
                    // made again below
                }
            }
            return ziik.createQuicklink(QUICKLINK_NAME, launchUrl);
        } catch (ZiikException e) {
            LOG.warn("Ziik did not take the quicklink of integration {}: {}", integration.id(), e.getMessage());
            throw new ApiProblem(422, "quicklink_refused", "Ziik refused the Learningbank quicklink: " + e.getMessage(),
                    Map.of("ziik", List.of("could not create the quicklink")));
        }
    }

    private void deleteQuicklink(Integration integration, long id) {
        try {
            connections.open(integration).ziik().deleteQuicklink(id);
        } catch (ZiikException e) {
            LOG.warn("could not delete the quicklink of integration {} in Ziik: {}", integration.id(), e.getMessage());
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
