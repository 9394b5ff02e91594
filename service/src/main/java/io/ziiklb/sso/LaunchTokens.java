package io.ziiklb.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ziik's launch tokens (ziik-api.md, "Automatic sign-in from Ziik"): a JWT signed HS256 with the
 * integration's SSO secret, naming the Ziik user in {@code sub}, living at most 120 seconds, each
 * {@code jti} used once across every instance (kept in the database until the token expires). Any
 * other algorithm, {@code alg: none} included, is refused before the signature is looked at.
 */
final class LaunchTokens {
    static final Duration MAX_LIFETIME = Duration.ofSeconds(120);
    /** Clocks differ a little between Ziik and here. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    LaunchTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The Ziik user the token names, when it is good and not used before; empty otherwise (then it is used up). */
    OptionalLong verify(String integrationId, String token, String secret) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
                return OptionalLong.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date iat = claims.getIssueTime();
            Date exp = claims.getExpirationTime();
            String jti = claims.getJWTID();
            Instant now = clock.instant();
            if (iat == null || exp == null || jti == null || jti.isBlank() || jti.length() > 200 || claims.getSubject() == null
                    || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_LIFETIME) > 0
                    || !exp.toInstant().plus(SKEW).isAfter(now) || iat.toInstant().minus(SKEW).isAfter(now)) {
                return OptionalLong.empty();
            }
            long ziikUserId = Long.parseLong(claims.getSubject());
            return useOnce(integrationId, jti, exp.toInstant().plus(SKEW)) ? OptionalLong.of(ziikUserId) : OptionalLong.empty();
        } catch (ParseException | JOSEException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Records the jti; false when some instance recorded it before (a replay). Expired ones are dropped first. */
    private boolean useOnce(String integrationId, String jti, Instant keepUntil) {
        jdbc.sql("DELETE FROM sso_used_token WHERE expires_at < ?").param(clock.instant().atOffset(ZoneOffset.UTC)).update();
        try {
            jdbc.sql("INSERT INTO sso_used_token (jti, integration_id, expires_at) VALUES (?, ?, ?)")
                    .params(integrationId + ":" + jti, integrationId, keepUntil.atOffset(ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }
}
