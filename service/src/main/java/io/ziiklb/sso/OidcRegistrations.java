package io.ziiklb.sso;

import io.ziiklb.http.AllowedPeers;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SsoSettings;
import io.ziiklb.integration.SsoStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestTemplate;

/**
 * Each integration's OpenID Connect provider as Spring Security's OAuth2 client sees it: the
 * registration id is the integration's id, built from its {@link SsoSettings.Oidc} and the sealed
 * client secret, with the endpoints from the issuer's discovery document (kept a few minutes, so a
 * sign-in does not cost the provider a discovery each time). The issuer must be an allowed peer, and
 * the discovery is fetched through {@link OidcHttp} (Spring's {@link ClientRegistrations#fromIssuerLocation}
 * would use a client of its own that knows nothing of {@code ZIIKLB_ALLOWED_PEERS}); the document's
 * {@code issuer} must be the configured one, as OpenID Connect Discovery requires.
 */
final class OidcRegistrations implements ClientRegistrationRepository {
    static final Duration KEEP_DISCOVERY = Duration.ofMinutes(5);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private record Discovered(Map<String, Object> document, Instant readAt) {
    }

    /** What the registrations are built from: the integration's settings and its sealed client secret. */
    interface Source {
        Optional<SsoSettings.Oidc> oidc(String integrationId);

        String clientSecret(String integrationId);

        String callbackUrl(String integrationId);

        static Source of(SsoStore sso, IntegrationStore integrations) {
            return new Source() {
                @Override
                public Optional<SsoSettings.Oidc> oidc(String integrationId) {
                    return sso.find(integrationId).map(SsoSettings::oidc);
                }

                @Override
                public String clientSecret(String integrationId) {
                    return integrations.secrets(integrationId).oidcClientSecret();
                }

                @Override
                public String callbackUrl(String integrationId) {
                    return sso.oidcCallbackUrl(integrationId);
                }
            };
        }
    }

    private final Source source;
    private final AllowedPeers peers;
    private final RestTemplate http;
    private final Clock clock;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    OidcRegistrations(Source source, AllowedPeers peers, RestTemplate http, Clock clock) {
        this.source = source;
        this.peers = peers;
        this.http = http;
        this.clock = clock;
    }

    /** The integration's provider when one is configured (without calling it). */
    Optional<SsoSettings.Oidc> configured(String integrationId) {
        return source.oidc(integrationId);
    }

    /**
     * @return null when the integration has no provider
     * @throws ProviderUnavailable when the issuer is not an allowed peer or its discovery cannot be read
     */
    @Override
    public ClientRegistration findByRegistrationId(String integrationId) {
        Optional<SsoSettings.Oidc> oidc = configured(integrationId);
        if (oidc.isEmpty()) {
            return null;
        }
        String issuer = oidc.get().issuer();
        return ClientRegistrations.fromOidcConfiguration(discovery(issuer))
                .registrationId(integrationId)
                .clientId(oidc.get().clientId())
                .clientSecret(source.clientSecret(integrationId))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(source.callbackUrl(integrationId))
                .scope("openid", "profile", "email")
                .userNameAttributeName("sub")
                .build();
    }

    private Map<String, Object> discovery(String issuer) {
        URI location;
        try {
            location = URI.create(issuer.endsWith("/") ? issuer + ".well-known/openid-configuration"
                    : issuer + "/.well-known/openid-configuration");
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailable("the issuer is not an address");
        }
        if (!peers.permits(location)) {
            throw new ProviderUnavailable("the issuer " + location.getHost() + " is not an allowed peer (ZIIKLB_ALLOWED_PEERS)");
        }
        Instant now = clock.instant();
        Discovered kept = discovered.get(issuer);
        if (kept != null && kept.readAt().plus(KEEP_DISCOVERY).isAfter(now)) {
            return kept.document();
        }
        Map<String, Object> document;
        try {
            document = http.exchange(location, org.springframework.http.HttpMethod.GET, null, JSON).getBody();
        } catch (RuntimeException e) {
            throw new ProviderUnavailable("the issuer's discovery document could not be read: " + e.getMessage());
        }
        if (document == null || !issuer.equals(document.get("issuer"))) {
            throw new ProviderUnavailable("the discovery document names another issuer");
        }
        discovered.put(issuer, new Discovered(document, now));
        return document;
    }

    /** The provider cannot be used now: the person gets the sign-in page instead. */
    static final class ProviderUnavailable extends RuntimeException {
        ProviderUnavailable(String message) {
            super(message);
        }
    }
}
