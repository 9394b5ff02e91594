package io.ziiklb.simulator.learningbank;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Precise lost responses: each one armed loses the answer of exactly one call, the next of its
 * method and route whose body matches, after the platform applied it (the client sees a 500). The
 * base's {@code lostResponseRate} rolls dice for every call; this switch lets a test lose, say,
 * exactly one {@code POST /users} and nothing else.
 */
public final class LostResponses {

    private record Armed(String method, String route, Predicate<String> body) {
    }

    private final List<Armed> armed = new ArrayList<>();

    /**
     * Arms one loss: the next {@code method} call on {@code route} (the template, e.g.
     * {@code /api/v1/users}) whose request body satisfies {@code body}.
     */
    public synchronized void loseNext(String method, String route, Predicate<String> body) {
        armed.add(new Armed(method, route, body));
    }

    /** Arms one loss: the next {@code method} call on {@code route}, whatever its body. */
    public void loseNext(String method, String route) {
        loseNext(method, route, b -> true);
    }

    /** How many armed losses have not happened yet. */
    public synchronized int pending() {
        return armed.size();
    }

    /** True, and disarmed, when this call's answer is to be lost. */
    synchronized boolean take(String method, String route, String body) {
        for (int i = 0; i < armed.size(); i++) {
            Armed a = armed.get(i);
            if (a.method().equals(method) && a.route().equals(route) && a.body().test(body)) {
                armed.remove(i);
                return true;
            }
        }
        return false;
    }
}
