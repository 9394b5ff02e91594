package io.ziiklb.simulator.learningbank;

import java.util.HexFormat;
import java.util.Random;

/**
 * Unguessable-enough tokens for login tickets and session cookies, from a seeded generator so that
 * a run can be repeated. A simulator's tokens guard nothing real.
 */
final class RandomTokens {
    private final Random random;

    RandomTokens(long seed) {
        this.random = new Random(seed);
    }

    /** 32 hex digits. {@link Random} is thread-safe. */
    String next() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }
}
