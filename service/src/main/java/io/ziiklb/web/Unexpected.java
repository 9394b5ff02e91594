package io.ziiklb.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An unexpected exception told for the log without its messages: where it happened (its type and
 * stack frames, and each cause's), not what it said. A message may quote what the request carried,
 * a password or a token with a line break included, and the log must never hold those.
 */
public final class Unexpected {
    private static final int FRAMES = 12;

    private Unexpected() {
    }

    public static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " | caused by ").append(t.getClass().getName()).append(" at ")
                    .append(Arrays.stream(t.getStackTrace()).limit(FRAMES).map(StackTraceElement::toString)
                            .collect(Collectors.joining(" < ")));
        }
        return out.toString();
    }
}
