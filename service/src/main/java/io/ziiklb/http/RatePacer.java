package io.ziiklb.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Paces one integration's calls to one peer just under the rate the peer allows, learnt from its
 * 429 answers: additive increase, multiplicative decrease (AIMD). Callers {@link #acquire()} a
 * slot before each call and report how it was answered.
 *
 * <ul>
 *   <li>The rate starts unlimited: a peer that never answers 429 is never slowed down.</li>
 *   <li>A 429 cuts the rate to {@value #DECREASE} of what the peer was seen to accept in the last
 *       second (bounded by half and all of the current rate): the peer's own count is the best
 *       estimate of its limit. Calls granted before a cut do not cut again: they were sent at the
 *       old rate, and one burst is one congestion event.</li>
 *   <li>While calls go through at a paced rate, the rate grows by {@value #INCREASE} of the rate
 *       learnt at the last cut per second, probing for room, so the rate saws slowly around the
 *       limit and the peer's burst allowance absorbs the overshoot. The step doubles for every
 *       {@link #PROBE_DOUBLING} without a 429 (at most {@value #MAX_PROBE_FACTOR} times): a cut
 *       that went too low, or a limit that was raised, is found again in tens of seconds, not
 *       minutes. Calls that did not have to
 *       wait for their slot do not grow it: a rate nobody uses is not a rate proven.</li>
 *   <li>A short {@code Retry-After} (up to {@link #OWN_WAIT_UP_TO}) is the peer rounding one
 *       token's wait up to whole seconds: only the rejected call waits it out; the others go on
 *       at the cut rate, which is what makes room. A longer one means the peer is closed for a
 *       while: every call waits until then (at most {@code maxHold}).</li>
 * </ul>
 *
 * Slots are spaced evenly (never bursts), so the peer's bucket refills whenever the rate is under
 * its limit. Thread-safe; the waiting happens outside the lock.
 *
 * <p>The first estimate is as good as the peer's burst allowance is large: a bucket that holds
 * about a second of calls (the simulators', as the bench sets them) gives about its rate; one that
 * holds a tenth of that gives a rate well under the limit, from which the growing probe climbs
 * back (about a minute from a tenth of the limit).
 */
public final class RatePacer {
    static final double DECREASE = 0.9;
    static final double INCREASE = 0.01;
    static final Duration PROBE_DOUBLING = Duration.ofSeconds(5);
    static final int MAX_PROBE_FACTOR = 32;
    static final Duration OWN_WAIT_UP_TO = Duration.ofSeconds(2);
    /** The slowest a pacer goes: a cut never stops the calls. */
    static final double MIN_RATE = 0.5;
    private static final long SECOND = 1_000_000_000L;

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxHold;
    private final ArrayDeque<Long> acceptedInLastSecond = new ArrayDeque<>();
    private double rate = Double.POSITIVE_INFINITY;
    private double increasePerSecond;
    private long lastCutAt;
    private long nextSlot = Long.MIN_VALUE;
    private int cuts;

    /**
     * @param maxHold the longest every call is held for one long {@code Retry-After}
     */
    public RatePacer(Clock clock, Sleeper sleeper, Duration maxHold) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxHold = maxHold;
    }

    /** A pacer that holds every call for at most a minute. */
    public static RatePacer learning(Clock clock, Sleeper sleeper) {
        return new RatePacer(clock, sleeper, Duration.ofMinutes(1));
    }

    /** What a granted slot is: to be handed back with the answer. */
    public record Slot(int cutsBefore, boolean paced) {
    }

    /** Waits for this call's slot (once: the clock is not asked again after the wait). */
    public Slot acquire() throws InterruptedException {
        long now = now();
        long slot;
        int cutsBefore;
        synchronized (this) {
            cutsBefore = cuts;
            slot = Math.max(now, nextSlot);
            if (Double.isFinite(rate)) {
                nextSlot = slot + (long) (SECOND / rate);
            }
        }
        if (slot > now) {
            sleeper.sleep(Duration.ofNanos(slot - now));
        }
        return new Slot(cutsBefore, slot > now);
    }

    /** The call was answered with anything but 429: the peer accepted this rate. */
    public synchronized void accepted(Slot slot) {
        long now = now();
        acceptedInLastSecond.addLast(now);
        forgetOlderThanASecond(now);
        if (slot.paced() && Double.isFinite(rate)) {
            long doublings = (now - lastCutAt) / PROBE_DOUBLING.toNanos();
            double probe = Math.min(MAX_PROBE_FACTOR, 1L << Math.min(doublings, 30));
            rate += increasePerSecond * probe / rate; // at `rate` calls a second: + increasePerSecond × probe each second
        }
    }

    /**
     * The call was answered 429.
     *
     * @return how long the rejected call itself should still wait before it is sent again: the
     *         whole {@code retryAfter} when only it waits, zero when every call is held
     */
    public synchronized Duration rateLimited(Slot slot, Duration retryAfter) {
        long now = now();
        if (slot.cutsBefore() == cuts) {
            forgetOlderThanASecond(now);
            double seen = acceptedInLastSecond.size();
            double estimate = Double.isFinite(rate) ? Math.clamp(seen, rate / 2, rate) : Math.max(seen, 1);
            rate = Math.max(MIN_RATE, estimate * DECREASE);
            increasePerSecond = rate * INCREASE;
            lastCutAt = now;
            cuts++;
            nextSlot = Math.max(nextSlot, now + (long) (SECOND / rate));
        }
        if (retryAfter.compareTo(OWN_WAIT_UP_TO) <= 0) {
            return retryAfter;
        }
        Duration hold = retryAfter.compareTo(maxHold) <= 0 ? retryAfter : maxHold;
        nextSlot = Math.max(nextSlot, now + hold.toNanos());
        return Duration.ZERO;
    }

    /** Calls a second now; {@link Double#POSITIVE_INFINITY} until the first 429. */
    public synchronized double rate() {
        return rate;
    }

    /** How many times a 429 cut the rate. */
    public synchronized int cuts() {
        return cuts;
    }

    private void forgetOlderThanASecond(long now) {
        while (!acceptedInLastSecond.isEmpty() && acceptedInLastSecond.peekFirst() <= now - SECOND) {
            acceptedInLastSecond.removeFirst();
        }
    }

    private long now() {
        Instant t = clock.instant();
        return t.getEpochSecond() * SECOND + t.getNano();
    }

    @Override
    public synchronized String toString() {
        return "RatePacer[" + (Double.isFinite(rate) ? String.format("%.1f/s", rate) : "unlimited") + ", " + cuts + " cuts]";
    }
}
