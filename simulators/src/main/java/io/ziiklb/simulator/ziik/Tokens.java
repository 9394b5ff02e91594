package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's bearer tokens: JWT-shaped random strings, each valid until {@code now + ttl} by the
 * injected clock. A renewed token does not revoke the old one; it simply expires. Thread-safe.
 *
 * <p>Tokens come from a {@link SecureRandom}, not the simulator's seed, so that two simulators
 * started with the same seed (two tenants in one test) never accept each other's tokens.
 */
final class Tokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random;

    record Issued(String jwt, Instant expires) {
    }

    Tokens(Clock clock, Duration ttl, SecureRandom random) {
        this.clock = clock;
        this.ttl = ttl;
        this.random = random;
    }

    /** A fresh token for the account. Expired tokens are forgotten here, so the map stays small. */
    Issued issue(int userId) {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        Instant expires = now.plus(ttl);
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String payload = "{\"sub\":" + userId + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + "}";
        String jwt = HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(signature);
        expiries.put(jwt, expires);
        return new Issued(jwt, expires);
    }

    /** @throws SimProblem 401 unless the request carries a known, unexpired bearer token */
    void require(SimRequest request) {
        String jwt = request.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .orElseThrow(Tokens::unauthenticated);
        Instant expiry = expiries.get(jwt);
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            throw unauthenticated();
        }
    }

    /** Wraps an API handler so it answers 401 without a valid token. */
    SimHttpServer.Handler guard(SimHttpServer.Handler handler) {
        return request -> {
            require(request);
            return handler.apply(request);
        };
    }

    private static SimProblem unauthenticated() {
        return new SimProblem(401, "unauthenticated", "Unauthenticated.");
    }
}
