package io.ziiklb.simulator.ziik;

/**
 * How the simulator's webhooks behave, as one immutable value, changeable while running
 * ({@link ZiikSimulator#setDeliveries(DeliverySwitches)} or {@code PUT /_sim/deliveries}).
 * Real Ziik promises nothing about deliveries, so these switches let a test make them as bad as
 * they may be.
 *
 * @param dropRate      share of deliveries never sent (logged as dropped)
 * @param duplicateRate share of sent deliveries sent a second time right after the first
 * @param delayMillis   each delivery is sent no earlier than this long after its change
 * @param reorder       hold deliveries in a small window (up to 8 deliveries or 150 ms) and send each
 *                      window in a shuffled order that always differs from the order of the changes
 * @param membershipChangesFireUserUpdate whether adding, changing or removing a membership fires
 *                      {@code user.update}; Ziik does not document it, so it is off by default and
 *                      the product must cope with membership changes firing nothing
 * @param senders       deliveries in flight at once: 1 sends them one at a time, each after the one
 *                      before was answered (in order unless reordered); more send them side by side, as a
 *                      webhook sender with several workers does, so their order is not kept and a
 *                      slow receiver does not hold up the rest
 */
public record DeliverySwitches(double dropRate, double duplicateRate, long delayMillis, boolean reorder,
                               boolean membershipChangesFireUserUpdate, int senders) {

    public DeliverySwitches {
        if (dropRate < 0 || dropRate > 1 || duplicateRate < 0 || duplicateRate > 1) {
            throw new IllegalArgumentException("dropRate and duplicateRate must be between 0 and 1");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis cannot be negative");
        }
        if (senders < 1 || senders > 64) {
            throw new IllegalArgumentException("senders must be between 1 and 64");
        }
    }

    /** Every delivery sent once, at once, in order, one at a time; membership changes fire nothing. */
    public static DeliverySwitches reliable() {
        return new DeliverySwitches(0, 0, 0, false, false, 1);
    }

    public DeliverySwitches withDropRate(double rate) {
        return new DeliverySwitches(rate, duplicateRate, delayMillis, reorder, membershipChangesFireUserUpdate, senders);
    }

    public DeliverySwitches withDuplicateRate(double rate) {
        return new DeliverySwitches(dropRate, rate, delayMillis, reorder, membershipChangesFireUserUpdate, senders);
    }

    public DeliverySwitches withDelayMillis(long millis) {
        return new DeliverySwitches(dropRate, duplicateRate, millis, reorder, membershipChangesFireUserUpdate, senders);
    }

    public DeliverySwitches withReorder(boolean on) {
        return new DeliverySwitches(dropRate, duplicateRate, delayMillis, on, membershipChangesFireUserUpdate, senders);
    }

    public DeliverySwitches withMembershipChangesFiringUserUpdate(boolean on) {
        return new DeliverySwitches(dropRate, duplicateRate, delayMillis, reorder, on, senders);
    }

    public DeliverySwitches withSenders(int count) {
        return new DeliverySwitches(dropRate, duplicateRate, delayMillis, reorder, membershipChangesFireUserUpdate, count);
    }
}
