package io.ziiklb.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ziiklb.http.AllowedPeers;
import io.ziiklb.integration.SsoSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The registration built for an integration: its id, client, secret, callback and the discovered
 * endpoints; an issuer that is no allowed peer is never called; a discovery document that names
 * another issuer is refused; the document is kept five minutes. A discovery document served over
 * real HTTP on this machine.
 */
class OidcRegistrationsTest {
    HttpServer server;
    String issuer;
    final AtomicInteger reads = new AtomicInteger();
    final AtomicReference<String> namedIssuer = new AtomicReference<>();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));

    @BeforeEach
    void discoveryDocument() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/tenant";
        namedIssuer.set(issuer);
        server.createContext("/tenant/.well-known/openid-configuration", exchange -> {
            reads.incrementAndGet();
            String i = namedIssuer.get();
            byte[] body = ("{\"issuer\":\"" + i + "\",\"authorization_endpoint\":\"" + i + "/authorize\","
                    + "\"token_endpoint\":\"" + i + "/token\",\"jwks_uri\":\"" + i + "/keys\",\"userinfo_endpoint\":\"" + i
                    + "/userinfo\",\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"code\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OidcRegistrations registrations(AllowedPeers peers, String configuredIssuer) {
        OidcRegistrations.Source source = new OidcRegistrations.Source() {
            @Override
            public Optional<SsoSettings.Oidc> oidc(String integrationId) {
                return integrationId.equals("with") ? Optional.of(new SsoSettings.Oidc(configuredIssuer, "client-1", "upn"))
                        : Optional.empty();
            }

            @Override
            public String clientSecret(String integrationId) {
                return "sealed-secret";
            }

            @Override
            public String callbackUrl(String integrationId) {
                return "https://ziiklb.example/sso/" + integrationId + "/oidc/callback";
            }
        };
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new OidcRegistrations(source, peers, new OidcHttp(peers).rest(), clock);
    }

    @Test
    void theIntegrationsRegistration_fromItsSettingsAndTheDiscoveryDocument() {
        ClientRegistration r = registrations(AllowedPeers.loopback(), issuer).findByRegistrationId("with");
        assertThat(r.getRegistrationId()).isEqualTo("with");
        assertThat(r.getClientId()).isEqualTo("client-1");
        assertThat(r.getClientSecret()).isEqualTo("sealed-secret");
        assertThat(r.getRedirectUri()).isEqualTo("https://ziiklb.example/sso/with/oidc/callback");
        assertThat(r.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer + "/authorize");
        assertThat(r.getProviderDetails().getTokenUri()).isEqualTo(issuer + "/token");
        assertThat(r.getProviderDetails().getJwkSetUri()).isEqualTo(issuer + "/keys");
        assertThat(r.getScopes()).contains("openid", "email");
        assertThat(registrations(AllowedPeers.loopback(), issuer).findByRegistrationId("without")).isNull();
    }

    @Test
    void anIssuerThatIsNoAllowedPeerIsNeverCalled() {
        assertThatThrownBy(() -> registrations(AllowedPeers.parse("*.example.com"), issuer).findByRegistrationId("with"))
                .isInstanceOf(OidcRegistrations.ProviderUnavailable.class).hasMessageContaining("not an allowed peer");
        assertThatThrownBy(() -> registrations(AllowedPeers.publicOnly(), issuer).findByRegistrationId("with"))
                .as("http, and this machine, without ZIIKLB_ALLOWED_PEERS")
                .isInstanceOf(OidcRegistrations.ProviderUnavailable.class);
        assertThat(reads).hasValue(0);
    }

    @Test
    void aDocumentThatNamesAnotherIssuerIsRefused() {
        namedIssuer.set("https://login.evil.example/tenant");
        assertThatThrownBy(() -> registrations(AllowedPeers.loopback(), issuer).findByRegistrationId("with"))
                .isInstanceOf(OidcRegistrations.ProviderUnavailable.class).hasMessageContaining("another issuer");
    }

    @Test
    void theDocumentIsKeptFiveMinutes() {
        OidcRegistrations registrations = registrations(AllowedPeers.loopback(), issuer);
        registrations.findByRegistrationId("with");
        now.set(now.get().plus(Duration.ofMinutes(4)));
        registrations.findByRegistrationId("with");
        assertThat(reads).hasValue(1);
        now.set(now.get().plus(Duration.ofMinutes(2)));
        registrations.findByRegistrationId("with");
        assertThat(reads).hasValue(2);
    }
}
