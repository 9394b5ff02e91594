package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Browser sessions opened by a redeemed login ticket, carried in the {@value #COOKIE} cookie. Thread-safe. */
final class Sessions {
    static final String COOKIE = "lb_session";

    private final Map<String, String> userIdBySession = new ConcurrentHashMap<>();
    private final RandomTokens tokens;

    Sessions(RandomTokens tokens) {
        this.tokens = tokens;
    }

    /** Opens a session and answers the {@code Set-Cookie} value that carries it. */
    String open(String userId) {
        String session = tokens.next();
        userIdBySession.put(session, userId);
        return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax";
    }

    /** The user signed in by the request's session cookie, if any. */
    Optional<String> userId(SimRequest request) {
        return request.header("cookie").flatMap(Sessions::sessionOf).map(userIdBySession::get);
    }

    void clear() {
        userIdBySession.clear();
    }

    private static Optional<String> sessionOf(String cookieHeader) {
        for (String cookie : cookieHeader.split(";")) {
            String trimmed = cookie.trim();
            if (trimmed.startsWith(COOKIE + "=")) {
                return Optional.of(trimmed.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }
}
