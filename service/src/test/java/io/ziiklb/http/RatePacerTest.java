package io.ziiklb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatePacerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };
    private final RatePacer pacer = new RatePacer(clock, sleeper, Duration.ofSeconds(30));

    @Test
    void neverWaitsUntilThePeerAnswers429() throws Exception {
        for (int i = 0; i < 1000; i++) {
            pacer.accepted(pacer.acquire());
        }
        assertThat(waits).isEmpty();
        assertThat(pacer.rate()).isInfinite();
    }

    @Test
    void aFirst429CutsToWhatThePeerAcceptedInTheLastSecond() throws Exception {
        for (int i = 0; i < 50; i++) { // a burst of 50 in 50 ms
            pacer.accepted(pacer.acquire());
            clock.advance(Duration.ofMillis(1));
        }
        Duration own = pacer.rateLimited(pacer.acquire(), Duration.ofSeconds(1));
        assertThat(own).as("a short Retry-After is the rejected call's own wait").isEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.rate()).isCloseTo(50 * RatePacer.DECREASE, within(0.01));
        pacer.acquire();
        pacer.acquire();
        assertThat(waits).as("then the calls are spaced evenly at the cut rate").hasSize(2)
                .allSatisfy(w -> assertThat(w.toNanos()).isCloseTo((long) (1e9 / 45), within(1_000_000L)));
    }

    @Test
    void callsSentBeforeACutDoNotCutAgain() throws Exception {
        List<RatePacer.Slot> inFlight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inFlight.add(pacer.acquire());
        }
        for (RatePacer.Slot slot : inFlight) {
            pacer.rateLimited(slot, Duration.ofSeconds(1));
        }
        assertThat(pacer.cuts()).isEqualTo(1);
        pacer.rateLimited(pacer.acquire(), Duration.ofSeconds(1));
        assertThat(pacer.cuts()).as("a call sent after the cut and still refused cuts again").isEqualTo(2);
    }

    @Test
    void repeated429sSlowDownToAFloorButNeverStopTheCalls() throws Exception {
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofSeconds(5)); // nothing accepted in the last second, each time
            pacer.rateLimited(pacer.acquire(), Duration.ofSeconds(1));
        }
        assertThat(pacer.rate()).isEqualTo(RatePacer.MIN_RATE);
    }

    @Test
    void growsAdditivelyWhileThePacedCallsGoThrough() throws Exception {
        cutTo50();
        double cut = pacer.rate();
        long start = clock.instant().toEpochMilli();
        while (clock.instant().toEpochMilli() - start < 4_900) {
            pacer.accepted(pacer.acquire());
        }
        assertThat(pacer.rate()).as("5 s of paced calls: + 1%% of the cut rate a second")
                .isCloseTo(cut * (1 + 5 * RatePacer.INCREASE), within(0.3));
    }

    @Test
    void theProbeGrowsTheLongerNo429Comes() throws Exception {
        cutTo50();
        double cut = pacer.rate();
        long start = clock.instant().toEpochMilli();
        while (clock.instant().toEpochMilli() - start < 15_000) {
            pacer.accepted(pacer.acquire());
        }
        assertThat(pacer.rate()).as("5 s at 1%%, 5 s at 2%%, 5 s at 4%% of the cut rate a second")
                .isCloseTo(cut * (1 + 5 * RatePacer.INCREASE * (1 + 2 + 4)), within(1.5));
    }

    @Test
    void callsThatDidNotWaitForTheirSlotDoNotGrowTheRate() throws Exception {
        cutTo50();
        double cut = pacer.rate();
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(1)); // far slower than the rate
            pacer.accepted(pacer.acquire());
        }
        assertThat(pacer.rate()).isEqualTo(cut);
    }

    @Test
    void aLongRetryAfterHoldsEveryCallUntilThen() throws Exception {
        Duration own = pacer.rateLimited(pacer.acquire(), Duration.ofSeconds(20));
        assertThat(own).as("the hold covers the rejected call too").isZero();
        Instant until = clock.instant().plusSeconds(20);
        pacer.acquire();
        assertThat(clock.instant()).isEqualTo(until);
        assertThat(waits).singleElement().isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aHoldIsBoundedByTheMaximum() throws Exception {
        pacer.rateLimited(pacer.acquire(), Duration.ofHours(1));
        pacer.acquire();
        assertThat(waits).singleElement().isEqualTo(Duration.ofSeconds(30));
    }

    /**
     * Against a peer's token bucket of 50 a second (burst 50), for ten simulated minutes of calls
     * of 5 ms: the pacer runs at the limit (within 2%) and at most 1% of the calls are refused.
     */
    @Test
    void runsJustUnderAPeersTokenBucket() throws Exception {
        assertPacesTo(new PeerBucket(50, 50, clock.instant()), 50, 0.98, 0.01);
    }

    /** A bucket of a tenth of a second's calls makes the first cut far too low: the probe finds the limit again. */
    @Test
    void findsTheLimitOfABucketWithASmallBurst() throws Exception {
        assertPacesTo(new PeerBucket(60, 6, clock.instant()), 60, 0.9, 0.02);
    }

    private void assertPacesTo(PeerBucket peer, double limit, double minShare, double maxRefused) throws Exception {
        int accepted = 0;
        int refused = 0;
        Instant start = clock.instant();
        Instant end = start.plusSeconds(600);
        while (clock.instant().isBefore(end)) {
            RatePacer.Slot slot = pacer.acquire();
            clock.advance(Duration.ofMillis(5));
            long retryAfter = peer.tryTake(clock.instant());
            if (retryAfter == 0) {
                accepted++;
                pacer.accepted(slot);
            } else {
                refused++;
                pacer.rateLimited(slot, Duration.ofSeconds(retryAfter)); // a single caller: its own wait is no one else's
            }
        }
        double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
        assertThat(accepted / seconds).as("accepted calls a second").isGreaterThan(limit * minShare);
        assertThat((double) refused / (accepted + refused)).as("share refused").isLessThan(maxRefused);
    }

    private void cutTo50() throws Exception {
        for (int i = 0; i < 56; i++) {
            pacer.accepted(pacer.acquire());
        }
        pacer.rateLimited(pacer.acquire(), Duration.ofSeconds(1));
        waits.clear();
    }

    /** The simulators' token bucket, on this test's clock. */
    private static final class PeerBucket {
        private final double perSecond;
        private final double capacity;
        private double tokens;
        private Instant last;

        PeerBucket(double perSecond, double capacity, Instant now) {
            this.perSecond = perSecond;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        long tryTake(Instant now) {
            tokens = Math.min(capacity, tokens + Duration.between(last, now).toNanos() / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
