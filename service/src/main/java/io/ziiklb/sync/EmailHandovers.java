package io.ziiklb.sync;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Emails passed from one user to another within one plan: Learningbank refuses an email another
 * user still has, so the step giving a user an email waits for the step that takes it off the
 * user who had it (rule O1).
 */
final class EmailHandovers {
    private final Map<String, Integer> releases = new HashMap<>();
    private final Map<Integer, String> claims = new HashMap<>();

    /** Step {@code step} gives its user {@code email}. */
    void claim(int step, String email) {
        claims.put(step, key(email));
    }

    /** Step {@code step} takes {@code email} off its user. */
    void release(String email, int step) {
        releases.put(key(email), step);
    }

    /** Orders every claim after the release of its email, once all are known. */
    void order(PlanBuilder plan) {
        claims.forEach((step, email) -> plan.after(step, releases.get(email)));
    }

    /** Learningbank compares emails without case and surrounding spaces. */
    static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
