package io.ziiklb.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A configured token ({@code ZIIKLB_OPERATOR_TOKEN}, {@code ZIIKLB_METRICS_TOKEN}), compared in
 * constant time: as a bearer token, or (the operator's) typed at the console's sign-in.
 */
public final class AccessToken {
    private final byte[] token;

    /** @param token null or blank: that access is off, nothing matches */
    public AccessToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String given) {
        return token != null && given != null && MessageDigest.isEqual(token, given.trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return token == null ? "AccessToken[off]" : "AccessToken[set]";
    }
}
