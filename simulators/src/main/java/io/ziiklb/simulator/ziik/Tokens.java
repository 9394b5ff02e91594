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
import java.util.function.IntPredicate;

/**
 * The API's bearer tokens: JWT-shaped random strings, each issued to one user and valid until
 * {@code now + ttl} by the injected clock, and only while that user may still use the API (asked
 * on every call, so deleting or deactivating a user ends their tokens at once). A renewed token
 * does not revoke the old one; it simply expires. Thread-safe.
 *
 * <p>Tokens come from a {@link SecureRandom}, not the simulator's seed, so that two simulators
 * started with the same seed (two tenants in one test) never accept each other's tokens.
 */
final class Tokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random;
    private final IntPredicate mayUseApi;
    private final IntPredicate isAdmin;

    record Issued(String jwt, Instant expires) {
    }

    private record Grant(int userId, Instant expires) {
    }

    /**
     * @param mayUseApi whether a user's tokens still work (the user exists and is active)
     * @param isAdmin   whether a user may call the administrators' routes
     */
    Tokens(Clock clock, Duration ttl, SecureRandom random, IntPredicate mayUseApi, IntPredicate isAdmin) {
        this.clock = clock;
        this.ttl = ttl;
        this.random = random;
        this.mayUseApi = mayUseApi;
        this.isAdmin = isAdmin;
    }

    /** A fresh token for the user. Expired tokens are forgotten here, so the map stays small. */
    Issued issue(int userId) {
        Instant now = clock.instant();
        grants.values().removeIf(grant -> !now.isBefore(grant.expires()));
        Instant expires = now.plus(ttl);
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String payload = "{\"sub\":" + userId + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + "}";
        String jwt = HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(signature);
        grants.put(jwt, new Grant(userId, expires));
        return new Issued(jwt, expires);
    }

    /**
     * The id of the user the request's token was issued to.
     *
     * @throws SimProblem 401 unless the request carries a known, unexpired bearer token of a user
     *                    who may still use the API
     */
    int require(SimRequest request) {
        String jwt = request.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .orElseThrow(Tokens::unauthenticated);
        Grant grant = grants.get(jwt);
        if (grant == null || !clock.instant().isBefore(grant.expires()) || !mayUseApi.test(grant.userId())) {
            throw unauthenticated();
        }
        return grant.userId();
    }

    /** Wraps an API handler so it answers 401 without a valid token. */
    SimHttpServer.Handler guard(SimHttpServer.Handler handler) {
        return request -> {
            require(request);
            return handler.apply(request);
        };
    }

    /** Wraps an administrators' handler: 401 without a valid token, 403 for a user who is not an administrator. */
    SimHttpServer.Handler guardAdmin(SimHttpServer.Handler handler) {
        return request -> {
            if (!isAdmin.test(require(request))) {
                throw new SimProblem(403, "forbidden", "This action is unauthorized.");
            }
            return handler.apply(request);
        };
    }

    private static SimProblem unauthenticated() {
        return new SimProblem(401, "unauthenticated", "Unauthenticated.");
    }
}
