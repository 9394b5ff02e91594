package io.ziiklb.sync;

/**
 * Rule L6: a full synchronisation that would deactivate users or delete departments beyond
 * {@code percent} of the linked ones, and at least {@code minimum} of them, holds those deletions.
 */
public record DeletionGuard(int percent, int minimum) {

    public DeletionGuard {
        if (percent < 0 || percent > 100 || minimum < 0) {
            throw new IllegalArgumentException("deletion guard: percent 0-100 and minimum >= 0");
        }
    }

    public static DeletionGuard defaults() {
        return new DeletionGuard(20, 10);
    }

    /** Never trips: for an admin's confirmation of held deletions. */
    public static DeletionGuard off() {
        return new DeletionGuard(100, Integer.MAX_VALUE);
    }

    /** True when {@code planned} removals out of {@code linked} objects are too many to apply unasked. */
    public boolean trips(int planned, int linked) {
        return planned >= minimum && (long) planned * 100 > (long) percent * linked;
    }
}
