package io.ziiklb.simulator.ziik;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/**
 * Mints Ziik's launch tokens as {@code ziik-api.md} describes them: a JWT, HS256, keyed with the
 * SSO secret's UTF-8 bytes, with {@code sub} (the Ziik user id as a string), {@code iat},
 * {@code exp} ({@code iat} + 60 s, inside the 120 s the spec allows) and a random {@code jti}.
 * Times come from the simulator's clock, so a test that moves it gets old tokens.
 */
final class LaunchTokenMinter {
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final Clock clock;
    private final SecureRandom random;

    LaunchTokenMinter(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    String mint(int userId, String secret) {
        // JWT times are whole seconds; truncating keeps exp - iat exactly the lifetime
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(Integer.toString(userId))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(LIFETIME)))
                .jwtID(randomId())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a launch token", e); // a short secret is refused earlier
        }
        return jwt.serialize();
    }

    /** 128 random bits, URL-safe. */
    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
