package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * The API key check: {@code Authorization: Basic base64(username:password)} and
 * {@code X-Api-Token: token}, both required on every API call.
 */
final class Auth {
    private final byte[] credentials;
    private final byte[] token;

    Auth(String username, String password, String token) {
        this.credentials = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws io.ziiklb.simulator.http.SimProblem 401 {@code unauthorized} when either part is missing or wrong */
    void check(SimRequest request) {
        boolean basicOk = request.header("authorization").map(this::basicMatches).orElse(false);
        boolean tokenOk = request.header("x-api-token")
                .map(t -> MessageDigest.isEqual(token, t.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
        if (!basicOk || !tokenOk) {
            throw Problems.unauthorized();
        }
    }

    private boolean basicMatches(String header) {
        String prefix = "basic ";
        if (!header.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return false;
        }
        try {
            byte[] given = Base64.getDecoder().decode(header.substring(prefix.length()).trim());
            return MessageDigest.isEqual(credentials, given);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
