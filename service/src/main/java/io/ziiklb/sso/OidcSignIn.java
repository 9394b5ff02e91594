package io.ziiklb.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The integration's OpenID Connect provider tells who launches: Spring Security's OAuth2 client
 * parts (the authorization request resolver, the session's request repository, the OIDC
 * authorization-code provider that checks the state, nonce and ID token), used by hand rather than
 * through {@code oauth2Login}, so that a person signed in this way is never an authenticated user of
 * the console's session. A silent request ({@code prompt=none}) first; when the provider would have
 * to ask the person, one interactive request. The launch's target travels in the stored
 * authorization request, never in the provider's hands.
 */
final class OidcSignIn {
    static final String TARGET = "ziiklb_target";
    static final String SILENT = "ziiklb_silent";
    /** The provider's answers to a silent request that mean "ask the person". */
    static final Set<String> NEEDS_THE_PERSON = Set.of("login_required", "interaction_required", "consent_required",
            "account_selection_required");

    /** What the provider's answer comes to. */
    sealed interface Outcome {
        /** The provider vouches for the person: the configured claim's value. */
        record Known(String claimValue, String target) implements Outcome {
        }

        /** The silent request needs the person: send the browser to the provider again. */
        record AskThePerson(String redirectUrl) implements Outcome {
        }

        /** The provider refused or failed: the person can still use the sign-in page. */
        record Refused(String why, String target) implements Outcome {
        }

        /** No request of this browser matches the answer (used already, or of another session). */
        record Stale() implements Outcome {
        }
    }

    private final OidcRegistrations registrations;
    private final AuthenticationProvider provider;
    private final HttpSessionOAuth2AuthorizationRequestRepository requests = new HttpSessionOAuth2AuthorizationRequestRepository();

    OidcSignIn(OidcRegistrations registrations, OidcHttp http) {
        this.registrations = registrations;
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(http.tokens());
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(http.rest());
        OidcUserService users = new OidcUserService();
        users.setOauth2UserService(userInfo);
        OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(tokens, users);
        oidc.setJwtDecoderFactory(new OidcIdTokens(http.rest()));
        this.provider = oidc;
    }

    /** Whether the integration has a provider. */
    boolean configured(String integrationId) {
        return registrations.configured(integrationId).isPresent();
    }

    /**
     * The provider's address to send the browser to; the request (state, nonce, target) is kept in the session.
     *
     * @throws OidcRegistrations.ProviderUnavailable when the provider cannot be used
     */
    String start(String integrationId, String target, boolean silent, HttpServletRequest request, HttpServletResponse response) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/sso/oidc/start");
        resolver.setAuthorizationRequestCustomizer(builder -> {
            builder.attributes(a -> {
                a.put(TARGET, target == null ? "" : target);
                a.put(SILENT, silent);
            });
            if (silent) {
                builder.additionalParameters(p -> p.put("prompt", "none"));
            }
        });
        OAuth2AuthorizationRequest authorization = resolver.resolve(request, integrationId);
        requests.saveAuthorizationRequest(authorization, request, response);
        return authorization.getAuthorizationRequestUri();
    }

    /** The provider's answer at the callback. */
    Outcome finish(String integrationId, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest asked = requests.removeAuthorizationRequest(request, response);
        if (asked == null || !integrationId.equals(asked.getAttribute(OAuth2ParameterNames.REGISTRATION_ID))) {
            return new Outcome.Stale();
        }
        String target = asked.getAttribute(TARGET);
        String error = request.getParameter(OAuth2ParameterNames.ERROR);
        if (error != null) {
            if (Boolean.TRUE.equals(asked.getAttribute(SILENT)) && NEEDS_THE_PERSON.contains(error)) {
                try {
                    return new Outcome.AskThePerson(start(integrationId, target, false, request, response));
                } catch (OidcRegistrations.ProviderUnavailable e) {
                    return new Outcome.Refused(e.getMessage(), target);
                }
            }
            return new Outcome.Refused(error, target);
        }
        String code = request.getParameter(OAuth2ParameterNames.CODE);
        if (code == null) {
            return new Outcome.Refused("no code", target);
        }
        OAuth2AuthorizationResponse answer = OAuth2AuthorizationResponse.success(code).redirectUri(asked.getRedirectUri())
                .state(request.getParameter(OAuth2ParameterNames.STATE)).build();
        try {
            ClientRegistration registration = registrations.findByRegistrationId(integrationId);
            if (registration == null) {
                return new Outcome.Refused("no provider any more", target);
            }
            OAuth2LoginAuthenticationToken done = (OAuth2LoginAuthenticationToken) provider.authenticate(
                    new OAuth2LoginAuthenticationToken(registration, new OAuth2AuthorizationExchange(asked, answer)));
            OidcUser person = (OidcUser) done.getPrincipal();
            String claim = registrations.configured(integrationId).orElseThrow().claim();
            String value = person.getClaimAsString(claim);
            return value == null || value.isBlank() ? new Outcome.Refused("no " + claim + " claim", target)
                    : new Outcome.Known(value.trim(), target);
        } catch (OAuth2AuthenticationException e) {
            return new Outcome.Refused(e.getError().getErrorCode(), target);
        } catch (RuntimeException e) { // the provider unreachable, or an answer that is not OAuth2's
            return new Outcome.Refused(e.getClass().getSimpleName() + ": " + e.getMessage(), target);
        }
    }
}
