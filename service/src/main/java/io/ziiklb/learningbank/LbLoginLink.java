package io.ziiklb.learningbank;

import java.time.Instant;

/** A one-time sign-in URL. It is a credential: never log it. */
public record LbLoginLink(String url, Instant expiresAt) {

    @Override
    public String toString() {
        return "LbLoginLink[expiresAt=" + expiresAt + "]";
    }
}
