package io.ziiklb.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code ZIIKLB_OPERATOR_TOKEN}, compared in constant time: as a bearer token on the API, or typed at the console's sign-in. */
public final class OperatorToken {
    private final byte[] token;

    /** @param token null or blank: operator access is off, nothing matches */
    public OperatorToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String given) {
        return token != null && given != null && MessageDigest.isEqual(token, given.trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return token == null ? "OperatorToken[off]" : "OperatorToken[set]";
    }
}
