package io.ziiklb.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A browser's remembered sign-in for one integration (the second way to know who is launching): a
 * random token in an HttpOnly cookie, its SHA-256 here with the Ziik user and an expiry of
 * {@link #LIFETIME}. Revoked by signing out, by turning automatic sign-in off, or by removal.
 */
final class RememberedSignIns {
    static final Duration LIFETIME = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    RememberedSignIns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Remembers the Ziik user; returns the cookie's value. */
    String remember(String integrationId, long ziikUserId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO sso_remembered (token_hash, integration_id, ziik_user_id, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), integrationId, ziikUserId, clock.instant().plus(LIFETIME).atOffset(ZoneOffset.UTC)).update();
        return token;
    }

    /** The Ziik user a cookie's value stands for, when it is this integration's and not expired or revoked. */
    OptionalLong who(String integrationId, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return OptionalLong.empty();
        }
        return jdbc.sql("SELECT ziik_user_id FROM sso_remembered WHERE token_hash = ? AND integration_id = ? AND expires_at > ?")
                .params(hash(token), integrationId, clock.instant().atOffset(ZoneOffset.UTC))
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    void revoke(String token) {
        if (token != null) {
            jdbc.sql("DELETE FROM sso_remembered WHERE token_hash = ?").param(hash(token)).update();
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
