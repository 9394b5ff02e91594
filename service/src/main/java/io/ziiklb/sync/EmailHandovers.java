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

    /**
     * Orders every claim after the release of its email, once all are known. Users passing their
     * emails round (a to b, b to a) would wait for each other for ever: they are not ordered, and
     * each gets a problem saying why Learningbank refuses the change (rather than the whole plan
     * failing as a cycle).
     */
    void order(PlanBuilder plan) {
        claims.forEach((step, email) -> {
            Integer release = releases.get(email);
            if (release == null) {
                return;
            }
            if (passedRound(step)) {
                plan.problem(ObjectKind.USER, plan.operation(step).ziikId(), ProblemCode.EMAIL_SWAP.wireName(), "takes \""
                        + email + "\" from a user who takes this user's email in turn; Learningbank holds an email on one"
                        + " user at a time, so neither change can be made: give one of them another email first");
                return;
            }
            plan.after(step, release);
        });
    }

    /** Whether following claim, then the release of that email, then that step's own claim, ... comes back to {@code step}. */
    private boolean passedRound(int step) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        Integer next = releases.get(claims.get(step));
        while (next != null && seen.add(next)) {
            if (next == step) {
                return true;
            }
            String claimed = claims.get(next);
            next = claimed == null ? null : releases.get(claimed);
        }
        return false;
    }

    /** Learningbank compares emails without case and surrounding spaces. */
    static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
