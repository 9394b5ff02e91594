package io.ziiklb.sso;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * Checks a provider's ID tokens as Spring's {@link OidcIdTokenDecoderFactory} does (RS256, the
 * issuer, the audience, the times; the nonce is the authentication provider's), but reads the
 * provider's keys through {@link OidcHttp}, which only calls allowed peers. One decoder per
 * registration, so that the keys it has read are kept between sign-ins.
 */
final class OidcIdTokens implements JwtDecoderFactory<ClientRegistration> {
    private final RestOperations http;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    OidcIdTokens(RestOperations http) {
        this.http = http;
    }

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        String jwks = registration.getProviderDetails().getJwkSetUri();
        String key = String.join(" ", registration.getRegistrationId(), registration.getClientId(),
                registration.getProviderDetails().getIssuerUri(), jwks);
        return decoders.computeIfAbsent(key, k -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks).jwsAlgorithm(SignatureAlgorithm.RS256)
                    .restOperations(http).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
    }
}
