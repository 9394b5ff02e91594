package io.ziiklb.ziik;

import java.time.Instant;

/** A bearer token and when Ziik says it expires. */
record ZiikToken(String jwt, Instant expires) {

    @Override
    public String toString() {
        return "ZiikToken[expires=" + expires + "]"; // never print the token itself
    }
}
