package io.ziiklb.ziik;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A read of Ziik's unit tree with no holes. Ziik pages the flattened tree in tree order (siblings
 * by name), so a unit renamed, added or deleted while the pages are read can move a whole subtree
 * onto a page already read; the read then lacks those units, and to a synchronisation they would
 * look deleted (their departments emptied and deleted, or the deletion guard tripped).
 *
 * <p>A read is whole when it holds as many units as the last page's {@code meta.total} counts (or
 * Ziik gave no total: a nested tree comes in one answer). Otherwise the tree is read again: a read
 * that finds the same units as the one before is taken too (nothing moved meanwhile, so the total
 * counts something else), and after {@link #ATTEMPTS} reads that all differ the read fails as
 * unavailable (its work is retried later) rather than hand over a tree with holes.
 */
final class WholeTree {
    static final int ATTEMPTS = 4;

    private WholeTree() {
    }

    /**
     * One read of every page.
     *
     * @param total the list's {@code meta.total} on its last page, -1 when Ziik did not say
     */
    record Read(List<ZiikUnit> units, int total) {
        boolean counted() {
            return total < 0 || units.size() == total;
        }

        Set<Long> ids() {
            return units.stream().map(ZiikUnit::id).collect(Collectors.toSet());
        }
    }

    /** Reads with {@code once} until a read is whole, at most {@link #ATTEMPTS} times. */
    static List<ZiikUnit> read(Supplier<Read> once) {
        Read last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Read read = once.get();
            if (read.counted() || last != null && read.ids().equals(last.ids())) {
                return read.units();
            }
            last = read;
        }
        throw new ZiikUnavailableException("Ziik's unit tree changed while it was read, " + ATTEMPTS + " times in a row ("
                + last.units().size() + " units read of the " + last.total() + " its last page counted); it is read again later", null);
    }
}
