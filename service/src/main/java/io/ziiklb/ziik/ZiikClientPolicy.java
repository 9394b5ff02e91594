package io.ziiklb.ziik;

import io.ziiklb.http.Backoff;
import java.time.Duration;

/**
 * How the Ziik client treats tokens and rate limits.
 *
 * @param renewMargin       renew the token when less than this is left of its life
 * @param rateLimitRetries  how many 429 answers in a row one call waits out before giving up
 * @param maxRateLimitWait  the longest single wait for a 429, whatever {@code Retry-After} says
 * @param pageSize          items asked for per page ({@code limit}, Ziik's maximum is 100)
 */
public record ZiikClientPolicy(Duration renewMargin, int rateLimitRetries, Duration maxRateLimitWait, int pageSize) {
    /** The first wait for a 429 without {@code Retry-After}; it doubles for each one after it. */
    private static final Duration FIRST_RATE_LIMIT_WAIT = Duration.ofMillis(500);

    public ZiikClientPolicy {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("Ziik pages hold 1 to 100 items");
        }
    }

    public static ZiikClientPolicy defaults() {
        return new ZiikClientPolicy(Duration.ofSeconds(60), 5, Duration.ofSeconds(60), 100);
    }

    /** The wait before the {@code attempt}-th retry (1-based) when Ziik gives no {@code Retry-After}. */
    Duration backoff(int attempt) {
        return new Backoff(FIRST_RATE_LIMIT_WAIT, maxRateLimitWait).after(attempt);
    }
}
