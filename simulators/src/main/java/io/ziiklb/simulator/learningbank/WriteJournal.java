package io.ziiklb.simulator.learningbank;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every API call other than a GET that reached the platform's handlers, in the order they were
 * answered, with the exact body sent: what tests need to pin the order of writes and what each
 * write carried, which the {@link io.ziiklb.simulator.http.RequestLog}'s counts cannot. Calls the
 * base's fault switches answer before a handler runs (rate limit, timeout, server error) are not
 * here; a call whose answer is lost afterwards is, with the status the handler gave.
 *
 * <p>It keeps the latest {@value #CAPACITY} writes only: the simulators also run for hours in the
 * demo and hold 100,000-user synchronisations in the benchmarks, whose heap figures must not
 * include a copy of every body sent. A test that pins order writes far fewer; {@link #dropped()}
 * says when older writes were let go.
 */
public final class WriteJournal {

    /**
     * One write.
     *
     * @param route  the route template, as the request log names it, e.g. {@code /api/v1/users/{id}}
     * @param path   the path actually called, e.g. {@code /api/v1/users/17}
     * @param body   the request body as sent (UTF-8), empty when there was none
     * @param status the status the platform answered (500 for a response lost by {@link LostResponses})
     */
    public record Call(String method, String route, String path, String body, int status) {

        /** True for a call of this method on this route template. */
        public boolean is(String method, String route) {
            return this.method.equals(method) && this.route.equals(route);
        }
    }

    static final int CAPACITY = 10_000;

    private final Deque<Call> calls = new ArrayDeque<>();
    private long dropped;

    synchronized void record(Call call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
            dropped++;
        }
        calls.addLast(call);
    }

    /** How many writes were let go, oldest first, to keep the journal at its capacity. */
    public synchronized long dropped() {
        return dropped;
    }

    /** All writes so far, oldest first. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The writes of one method on one route template, oldest first. */
    public synchronized List<Call> calls(String method, String route) {
        return calls.stream().filter(c -> c.is(method, route)).toList();
    }

    public synchronized void reset() {
        calls.clear();
        dropped = 0;
    }
}
