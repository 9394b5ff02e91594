package io.ziiklb.simulator.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many API calls each fault switch has hit since the simulator started (or the last
 * {@link #reset}): a soak reports the faults it actually injected, not the rates it asked for.
 * A lost response counts once, whether it ended as a 500 or a dropped connection.
 */
public final class InjectedFaults {
    /** The counts at one moment, one per switch of {@link Faults}. */
    public record Counts(long spikes, long rateLimited, long timeouts, long errors, long lostResponses) {
        public long total() {
            return spikes + rateLimited + timeouts + errors + lostResponses;
        }
    }

    /** The kinds counted, in the order {@link Faults} applies them. */
    enum Kind { SPIKE, RATE_LIMITED, TIMEOUT, ERROR, LOST_RESPONSE }

    private final LongAdder[] counters = new LongAdder[Kind.values().length];

    InjectedFaults() {
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
    }

    void count(Kind kind) {
        counters[kind.ordinal()].increment();
    }

    public Counts counts() {
        return new Counts(get(Kind.SPIKE), get(Kind.RATE_LIMITED), get(Kind.TIMEOUT), get(Kind.ERROR), get(Kind.LOST_RESPONSE));
    }

    public void reset() {
        for (LongAdder counter : counters) {
            counter.reset();
        }
    }

    private long get(Kind kind) {
        return counters[kind.ordinal()].sum();
    }
}
