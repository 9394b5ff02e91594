package io.ziiklb.bench;

import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.http.InjectedFaults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.DeliveryCounts;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import java.io.PrintStream;
import java.util.Random;

/**
 * The soak's faults, as weather that changes every {@link #PERIOD_SECONDS} seconds: each period
 * draws, for Ziik's API and Learningbank's API on their own, one of calm, server errors (500), lost
 * responses (applied, then a 500 or a dropped connection), rate limiting (429 with Retry-After),
 * latency spikes, or hanging calls, and for Ziik's webhook deliveries a mix of drops, duplicates and
 * reordering. Drawn from a seed; the counts of what actually happened come from the simulators.
 *
 * <p>Membership changes fire a {@code user.update} delivery throughout (Ziik may not send one; the
 * soak wants the live path to carry them, and the final full synchronisation repairs any that it drops).
 */
final class FaultWeather {
    static final int PERIOD_SECONDS = 10;
    private final ZiikSimulator ziik;
    private final LearningbankSimulator learningbank;
    private final Random random;
    private int periods;

    FaultWeather(ZiikSimulator ziik, LearningbankSimulator learningbank, long seed) {
        this.ziik = ziik;
        this.learningbank = learningbank;
        this.random = new Random(seed);
    }

    /** Draws the next period's weather and applies it. */
    void next() {
        periods++;
        ziik.setFaults(apiWeather());
        learningbank.setFaults(apiWeather().withLatency(5)); // Learningbank's own few milliseconds, as the other benches
        ziik.setDeliveries(deliveryWeather());
    }

    /** Calm: no faults, every delivery sent once and in order. */
    void calm() {
        ziik.setFaults(Faults.none());
        learningbank.setFaults(Faults.none().withLatency(5));
        ziik.setDeliveries(DeliverySwitches.reliable().withMembershipChangesFiringUserUpdate(true));
    }

    private Faults apiWeather() {
        return switch (random.nextInt(6)) {
            case 0 -> Faults.none();
            case 1 -> Faults.none().withErrorRate(0.05 + random.nextDouble() * 0.15);
            case 2 -> Faults.none().withLostResponseRate(0.05 + random.nextDouble() * 0.1);
            case 3 -> Faults.none().withRateLimit(10 + random.nextInt(20), 5);
            case 4 -> Faults.none().withSpikes(0.05 + random.nextDouble() * 0.1, 500 + random.nextInt(2500));
            default -> Faults.none().withTimeouts(0.02 + random.nextDouble() * 0.03, 1000 + random.nextInt(2000));
        };
    }

    private DeliverySwitches deliveryWeather() {
        return DeliverySwitches.reliable().withMembershipChangesFiringUserUpdate(true)
                .withDropRate(random.nextInt(3) == 0 ? 0.02 + random.nextDouble() * 0.08 : 0)
                .withDuplicateRate(random.nextInt(2) == 0 ? 0.1 + random.nextDouble() * 0.3 : 0)
                .withReorder(random.nextInt(2) == 0);
    }

    /** What the faults did, as the simulators counted it. */
    void print(PrintStream out) {
        out.printf("faults injected (%d periods of %d s, each peer's weather drawn on its own):%n", periods, PERIOD_SECONDS);
        printApi(out, "Ziik API        ", ziik.injectedFaults().counts(), ziik.requestLog().total());
        printApi(out, "Learningbank API", learningbank.injectedFaults().counts(), learningbank.requestLog().total());
        DeliveryCounts d = ziik.deliveryCounts();
        out.printf("  webhook deliveries: %,d sent (%,d not answered 2xx), %,d dropped, %,d duplicated, %,d sent out of order%n",
                d.sent(), d.failed(), d.dropped(), d.duplicated(), d.reordered());
    }

    private static void printApi(PrintStream out, String peer, InjectedFaults.Counts c, long calls) {
        out.printf("  %s %,7d of %,d calls: %,d server errors, %,d lost responses, %,d rate limited (429), %,d latency spikes,"
                + " %,d hung and dropped%n", peer, c.total(), calls, c.errors(), c.lostResponses(), c.rateLimited(), c.spikes(),
                c.timeouts());
    }
}
