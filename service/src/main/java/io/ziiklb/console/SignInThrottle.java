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
 * sign in for {@link #LOCK}, whatever the password, at any Ziik and on every instance (the count is
 * in the database). Failures are kept per Ziik they were made at, and a success clears only that
 * Ziik's: anyone can sign in "successfully" with any email at a Ziik of their own, and when that
 * cleared every failure of the email, four guesses at the victim's Ziik and one sign-in at one's own
 * made guessing unlimited. Counted over all Ziiks, the lock cannot be dodged by writing the victim's
 * address another way either ({@code :443}, a trailing dot).
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
        return jdbc.sql("SELECT COUNT(*) FROM signin_failure WHERE email = ? AND locked_until > ?")
                .params(key(email), utc(clock.instant())).query(Integer.class).single() > 0;
    }

    /** @param tenant the Ziik the password was refused at ("" for the operator token) */
    void failed(String email, String tenant) {
        String key = key(email);
        String at = tenant(tenant);
        Instant now = clock.instant();
        // a lock that has run out starts the count afresh
        jdbc.sql("DELETE FROM signin_failure WHERE email = ? AND locked_until <= ?").params(key, utc(now)).update();
        int updated = jdbc.sql("UPDATE signin_failure SET failures = failures + 1 WHERE email = ? AND tenant = ?")
                .params(key, at).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO signin_failure (email, tenant, failures) VALUES (?, ?, 1)").params(key, at).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                jdbc.sql("UPDATE signin_failure SET failures = failures + 1 WHERE email = ? AND tenant = ?").params(key, at).update();
            }
        }
        int failures = jdbc.sql("SELECT COALESCE(SUM(failures), 0) FROM signin_failure WHERE email = ?").param(key)
                .query(Integer.class).single();
        if (failures >= MAX_FAILURES) {
            jdbc.sql("UPDATE signin_failure SET locked_until = ? WHERE email = ? AND locked_until IS NULL")
                    .params(utc(now.plus(LOCK)), key).update();
        }
    }

    /** Clears the failures made at this Ziik only (see the class comment for why not all). */
    void succeeded(String email, String tenant) {
        jdbc.sql("DELETE FROM signin_failure WHERE email = ? AND tenant = ?")
                .params(key(email), tenant(tenant)).update();
    }

    private static String key(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return e.length() > 320 ? e.substring(0, 320) : e;
    }

    private static String tenant(String tenant) {
        String t = tenant == null ? "" : tenant;
        return t.length() > 2048 ? t.substring(0, 2048) : t;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
