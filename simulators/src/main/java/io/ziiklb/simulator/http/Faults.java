package io.ziiklb.simulator.http;

/**
 * The fault switches of a simulator, as one immutable value. Applied to API routes only (never to
 * the {@code /_sim} control routes), in this order: latency, rate limit, timeout, server error,
 * then the handler runs, then a lost response may replace its answer.
 *
 * @param latencyMillis      added to every API call
 * @param rateLimitPerSecond token-bucket refill rate; 0 turns the limit off
 * @param rateLimitBurst     token-bucket capacity
 * @param timeoutRate        share of calls that hang for {@code timeoutMillis} and then drop the
 *                           connection, without applying anything
 * @param timeoutMillis      how long such a call hangs
 * @param errorRate          share of calls answered 500 without applying anything
 * @param lostResponseRate   share of calls that are applied, but whose answer is replaced by a 500
 *                           or a dropped connection (half each)
 * @param spikeRate          share of calls delayed by {@code spikeMillis} more than the latency: a
 *                           peer that is slow now and then, not always (a soak's latency spikes)
 * @param spikeMillis        how much longer such a call takes
 */
public record Faults(
        long latencyMillis,
        double rateLimitPerSecond,
        int rateLimitBurst,
        double timeoutRate,
        long timeoutMillis,
        double errorRate,
        double lostResponseRate,
        double spikeRate,
        long spikeMillis) {

    public Faults {
        requireRate(spikeRate, "spikeRate");
        requireRate(timeoutRate, "timeoutRate");
        requireRate(errorRate, "errorRate");
        requireRate(lostResponseRate, "lostResponseRate");
        if (latencyMillis < 0 || timeoutMillis < 0 || spikeMillis < 0 || rateLimitPerSecond < 0 || rateLimitBurst < 0) {
            throw new IllegalArgumentException("fault switches cannot be negative");
        }
    }

    public static Faults none() {
        return new Faults(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public Faults withLatency(long millis) {
        return new Faults(millis, rateLimitPerSecond, rateLimitBurst, timeoutRate, timeoutMillis, errorRate, lostResponseRate,
                spikeRate, spikeMillis);
    }

    public Faults withRateLimit(double perSecond, int burst) {
        return new Faults(latencyMillis, perSecond, burst, timeoutRate, timeoutMillis, errorRate, lostResponseRate,
                spikeRate, spikeMillis);
    }

    public Faults withTimeouts(double rate, long millis) {
        return new Faults(latencyMillis, rateLimitPerSecond, rateLimitBurst, rate, millis, errorRate, lostResponseRate,
                spikeRate, spikeMillis);
    }

    public Faults withErrorRate(double rate) {
        return new Faults(latencyMillis, rateLimitPerSecond, rateLimitBurst, timeoutRate, timeoutMillis, rate, lostResponseRate,
                spikeRate, spikeMillis);
    }

    public Faults withLostResponseRate(double rate) {
        return new Faults(latencyMillis, rateLimitPerSecond, rateLimitBurst, timeoutRate, timeoutMillis, errorRate, rate,
                spikeRate, spikeMillis);
    }

    public Faults withSpikes(double rate, long millis) {
        return new Faults(latencyMillis, rateLimitPerSecond, rateLimitBurst, timeoutRate, timeoutMillis, errorRate, lostResponseRate,
                rate, millis);
    }

    public boolean rateLimited() {
        return rateLimitPerSecond > 0;
    }

    private static void requireRate(double rate, String name) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
