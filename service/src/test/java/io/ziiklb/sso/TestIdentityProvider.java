package io.ziiklb.sso;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests, as a customer's Entra ID would be: Spring
 * Authorization Server on {@code localhost} (the service runs on 127.0.0.1, so the two keep their
 * cookies apart), with a login form, people whose ID tokens carry {@code email} and {@code upn}, and
 * clients registered as the tests need them. It answers {@code prompt=none} with
 * {@code login_required} when the browser has no session there, as Entra ID does.
 */
final class TestIdentityProvider implements AutoCloseable {
    /** Someone who can sign in at the provider. */
    record Person(String username, String password, String email, String upn) {
    }

    private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
    private static final Map<String, RegisteredClient> CLIENTS = new ConcurrentHashMap<>();
    /** How many authorization requests the provider has seen, and how many of them were silent. */
    static final AtomicInteger AUTHORIZE_REQUESTS = new AtomicInteger();
    static final AtomicInteger SILENT_REQUESTS = new AtomicInteger();

    private final ConfigurableApplicationContext context;
    private final int port;

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static TestIdentityProvider start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "spring.config.name=test-identity-provider", "spring.main.banner-mode=off",
                        "server.servlet.session.cookie.name=IDP_SESSION", "management.endpoints.enabled-by-default=false",
                        "spring.jmx.enabled=false")
                .run();
        return new TestIdentityProvider(context);
    }

    /** {@code http://localhost:PORT}: discovery is at {@code /.well-known/openid-configuration}. */
    String issuer() {
        return "http://localhost:" + port;
    }

    void person(Person person) {
        PEOPLE.put(person.username(), person);
    }

    /** A confidential client (client_secret_basic) that may send people back to {@code redirectUri}. */
    void client(String clientId, String clientSecret, String redirectUri) {
        CLIENTS.put(clientId, RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret("{noop}" + clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build());
    }

    @Override
    public void close() {
        context.close();
    }

    /** The provider's Spring context: not a component, so the service's scan never picks it up. */
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    @EnableWebSecurity
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            });
            // a silent request reaches the authorization endpoint without a session, which answers it login_required
            // (Spring Authorization Server checks the session before its endpoint otherwise, and shows the form)
            http.authorizeHttpRequests(auth -> auth
                            .requestMatchers(request -> "none".equals(request.getParameter("prompt"))).permitAll()
                            .anyRequest().authenticated())
                    .addFilterBefore((request, response, chain) -> {
                        var r = (jakarta.servlet.http.HttpServletRequest) request;
                        if (r.getRequestURI().equals("/oauth2/authorize")) {
                            AUTHORIZE_REQUESTS.incrementAndGet();
                            if ("none".equals(r.getParameter("prompt"))) {
                                SILENT_REQUESTS.incrementAndGet();
                            }
                        }
                        chain.doFilter(request, response);
                    }, org.springframework.security.web.context.SecurityContextHolderFilter.class)
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService people() {
            return username -> {
                Person p = PEOPLE.get(username);
                if (p == null) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(p.username()).password("{noop}" + p.password()).roles("USER").build();
            };
        }

        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    CLIENTS.put(client.getClientId(), client);
                }

                @Override
                public RegisteredClient findById(String id) {
                    return CLIENTS.values().stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENTS.get(clientId);
                }
            };
        }

        /** Entra ID puts the person's email and user principal name in the ID token; so does this provider. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    Person p = PEOPLE.get(context.getPrincipal().getName());
                    if (p != null) {
                        if (p.email() != null) {
                            context.getClaims().claim("email", p.email());
                        }
                        if (p.upn() != null) {
                            context.getClaims().claim("upn", p.upn());
                        }
                    }
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The user-info endpoint checks the access tokens it is shown with the provider's own keys. */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration
                    .jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
