package io.ziiklb.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * Launch tokens ({@code ziik-api.md}, "Automatic sign-in from Ziik") made by hand, for the tests of
 * the service's launch: the good one the Ziik simulator would mint, and the bad ones it never does.
 * <pre>
 * LaunchTokens.Draft good = LaunchTokens.forUser(7, secret, clock.instant());
 * good.sign()                                        // HS256, sub "7", exp = iat + 60 s, random jti
 * good.sign()                                        // the same token again: a replay
 * good.expiresAt(now.minusSeconds(1)).sign()         // expired
 * good.expiresAt(good.issuedAt().plusSeconds(121)).sign()   // lives longer than the 120 s allowed
 * good.signedWith(otherSecret).sign()                // wrong secret
 * good.withAlgorithm("HS512").sign()                 // not HS256 (needs a 64-byte secret)
 * good.unsigned()                                    // alg: none
 * good.withSubject(null).sign()                      // a claim left out (any of them)
 * LaunchTokens.launchUrl(serviceLaunchUrl, target, token)   // where Ziik sends the browser
 * </pre>
 * The Ziik simulator mints its own tokens (this is test help, not the simulator's code).
 */
public final class LaunchTokens {
    /** How long the simulator's tokens live; the spec allows at most 120 s. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    private LaunchTokens() {
    }

    /** A token as the Ziik simulator mints it for {@code userId}, issued at {@code now} (whole seconds). */
    public static Draft forUser(int userId, String secret, Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        return new Draft(Integer.toString(userId), issuedAt, issuedAt.plus(LIFETIME), UUID.randomUUID().toString(),
                secret, "HS256");
    }

    /** {@code <launchUrl>?target=<target, encoded>&token=<token>}, as the simulator's {@code /open} redirects. */
    public static String launchUrl(String launchUrl, String target, String token) {
        return launchUrl + (launchUrl.contains("?") ? "&" : "?") + "target=" + encode(target) + "&token=" + encode(token);
    }

    /**
     * The claims of an HS256 token signed with {@code secret}.
     *
     * @throws IllegalArgumentException when it is not such a token or the signature does not match
     */
    public static JWTClaimsSet verify(String token, String secret) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
                throw new IllegalArgumentException("not an HS256 token signed with this secret");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("not a signed JWT: " + e.getMessage(), e);
        }
    }

    /**
     * The parts of a launch token; a null claim is left out. Immutable: the withers return a copy.
     *
     * @param algorithm an HMAC algorithm ({@code HS256}, {@code HS384}, {@code HS512}) for {@link #sign()}
     */
    public record Draft(String subject, Instant issuedAt, Instant expiresAt, String jti, String secret, String algorithm) {

        public Draft withSubject(String newSubject) {
            return new Draft(newSubject, issuedAt, expiresAt, jti, secret, algorithm);
        }

        public Draft issuedAt(Instant at) {
            return new Draft(subject, at, expiresAt, jti, secret, algorithm);
        }

        public Draft expiresAt(Instant at) {
            return new Draft(subject, issuedAt, at, jti, secret, algorithm);
        }

        public Draft withJti(String newJti) {
            return new Draft(subject, issuedAt, expiresAt, newJti, secret, algorithm);
        }

        /** A fresh random {@code jti}: a different token for the same person and times. */
        public Draft withNewJti() {
            return withJti(UUID.randomUUID().toString());
        }

        public Draft signedWith(String otherSecret) {
            return new Draft(subject, issuedAt, expiresAt, jti, otherSecret, algorithm);
        }

        public Draft withAlgorithm(String newAlgorithm) {
            return new Draft(subject, issuedAt, expiresAt, jti, secret, newAlgorithm);
        }

        /** Signed with the secret's UTF-8 bytes; the same draft signs to the same token. */
        public String sign() {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm)).type(JOSEObjectType.JWT).build(),
                    claims());
            try {
                jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
            }
            return jwt.serialize();
        }

        /** The same claims with {@code alg: none} and no signature. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        private JWTClaimsSet claims() {
            return new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issueTime(issuedAt == null ? null : Date.from(issuedAt))
                    .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                    .jwtID(jti)
                    .build();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
