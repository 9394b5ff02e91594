package io.ziiklb.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throttles guessing: after {@value #MAX_FAILURES} failed sign-ins for one email, that email may not
 * sign in for {@link #LOCK}, whatever the password, on every instance (the count is in the database).
 */
final class SignInThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean locked(String email) {
        return jdbc.sql("SELECT locked_until FROM signin_failure WHERE email = ?").param(key(email))
                .query(OffsetDateTime.class).optional()
                .filter(until -> until.toInstant().isAfter(clock.instant())).isPresent();
    }

    void failed(String email) {
        String key = key(email);
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE signin_failure SET failures = CASE WHEN locked_until IS NOT NULL AND locked_until <= ?"
                        + " THEN 1 ELSE failures + 1 END, locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ?"
                        + " THEN NULL ELSE locked_until END WHERE email = ?")
                .params(utc(now), utc(now), key).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO signin_failure (email, failures) VALUES (?, 1)").param(key).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                jdbc.sql("UPDATE signin_failure SET failures = failures + 1 WHERE email = ?").param(key).update();
            }
        }
        jdbc.sql("UPDATE signin_failure SET locked_until = ? WHERE email = ? AND failures >= ? AND locked_until IS NULL")
                .params(utc(now.plus(LOCK)), key, MAX_FAILURES).update();
    }

    void succeeded(String email) {
        jdbc.sql("DELETE FROM signin_failure WHERE email = ?").param(key(email)).update();
    }

    private static String key(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return e.length() > 320 ? e.substring(0, 320) : e;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
