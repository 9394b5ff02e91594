package io.ziiklb.simulator.learningbank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-time login tickets: each works once, until {@link #LIFETIME} after issue by the injected
 * clock (at exactly that instant it has expired). Used and expired tickets are remembered for
 * {@link #REMEMBERED_AFTER_EXPIRY}, so a second use can say "used" or "expired" rather than
 * "unknown", and then forgotten, so that memory stays bounded. Thread-safe.
 */
final class LoginTickets {
    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final Duration REMEMBERED_AFTER_EXPIRY = Duration.ofMinutes(10);

    record Issued(String ticket, Instant expiresAt) {
    }

    sealed interface Redemption {
        record Valid(String userId, String redirectPath) implements Redemption {
        }

        record Used() implements Redemption {
        }

        record Expired() implements Redemption {
        }

        record Unknown() implements Redemption {
        }
    }

    private record Ticket(String userId, String redirectPath, Instant expiresAt, boolean used) {
    }

    /** In issue order, which is expiry order while the clock moves forward: the oldest are purged first. */
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Clock clock;
    private final RandomTokens tokens;

    LoginTickets(Clock clock, RandomTokens tokens) {
        this.clock = clock;
        this.tokens = tokens;
    }

    synchronized Issued issue(String userId, String redirectPath) {
        Instant now = clock.instant();
        purge(now);
        String ticket = tokens.next();
        Instant expiresAt = now.plus(LIFETIME);
        tickets.put(ticket, new Ticket(userId, redirectPath, expiresAt, false));
        return new Issued(ticket, expiresAt);
    }

    synchronized Redemption redeem(String ticket) {
        Ticket found = tickets.get(ticket);
        if (found == null) {
            return new Redemption.Unknown();
        }
        if (found.used()) {
            return new Redemption.Used();
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            return new Redemption.Expired();
        }
        tickets.put(ticket, new Ticket(found.userId(), found.redirectPath(), found.expiresAt(), true));
        return new Redemption.Valid(found.userId(), found.redirectPath());
    }

    synchronized void clear() {
        tickets.clear();
    }

    private void purge(Instant now) {
        Instant forgetBefore = now.minus(REMEMBERED_AFTER_EXPIRY);
        Iterator<Ticket> oldestFirst = tickets.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().expiresAt().isBefore(forgetBefore)) {
            oldestFirst.remove();
        }
    }
}
