package io.ziiklb.ziik;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.PeerIoException;
import io.ziiklb.http.PeerResponse;
import io.ziiklb.http.RatePacer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Sends one Ziik client's calls in its {@link RatePacer}'s time and tells the pacer each answer, so
 * every call of the client (sign-in and renewal included) counts towards the rate it learns.
 * Thread-safe.
 */
final class PacedCalls {
    /** An answer, and how long the call itself should wait before it is sent again after a 429. */
    record Answer(PeerResponse response, Duration ownWait) {
    }

    private final PeerHttp http;
    private final RatePacer pacer;
    private final Clock clock;
    private final Duration maxWait;

    /** @param maxWait the longest a 429's {@code Retry-After} is taken to ask for */
    PacedCalls(PeerHttp http, RatePacer pacer, Clock clock, Duration maxWait) {
        this.http = http;
        this.pacer = pacer;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    /** @param guess the wait a 429 without {@code Retry-After} is taken to ask for */
    Answer send(HttpMethod method, URI uri, Consumer<HttpHeaders> headers, byte[] body, Duration guess) {
        RatePacer.Slot slot;
        try {
            slot = pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZiikUnavailableException("interrupted while waiting for Ziik's rate limit", e);
        }
        PeerResponse response;
        try {
            response = http.send(method, uri, headers, body);
        } catch (PeerIoException e) {
            throw new ZiikUnavailableException("Ziik did not answer: " + e.getMessage(), e);
        }
        if (response.status() != 429) {
            pacer.accepted(slot);
            return new Answer(response, Duration.ZERO);
        }
        Duration asked = response.retryAfter(clock).orElse(guess);
        return new Answer(response, pacer.rateLimited(slot, asked.compareTo(maxWait) <= 0 ? asked : maxWait));
    }

    RatePacer pacer() {
        return pacer;
    }
}
