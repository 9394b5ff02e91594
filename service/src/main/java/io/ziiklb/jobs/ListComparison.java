package io.ziiklb.jobs;

import io.ziiklb.integration.SweepStore;
import io.ziiklb.ziik.ZiikUserSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list sweep's finding (pure): Ziik's user list rows now against what the last sweep saw.
 *
 * @param changed users whose row differs or who were not seen before: each is reconciled
 * @param gone    users seen before and in neither list now (deleted or anonymised): reconciled and forgotten
 * @param save    the rows to store: the changed and new ones (unchanged ones are stored already)
 */
record ListComparison(List<Long> changed, List<Long> gone, Map<Long, SweepStore.Seen> save) {

    static ListComparison of(Map<Long, SweepStore.Seen> seen, List<ZiikUserSummary> rows) {
        List<Long> changed = new ArrayList<>();
        Map<Long, SweepStore.Seen> save = new HashMap<>();
        Set<Long> listed = new HashSet<>();
        for (ZiikUserSummary row : rows) {
            if (!listed.add(row.id())) {
                continue; // twice in the lists (it moved between pages while they were read): its first row counts
            }
            long fingerprint = Fingerprints.listed(row);
            SweepStore.Seen before = seen.get(row.id());
            if (before == null || before.listed() != fingerprint) {
                changed.add(row.id());
                save.put(row.id(), new SweepStore.Seen(fingerprint, row.active(), before == null ? null : before.memberships()));
            }
        }
        List<Long> gone = seen.keySet().stream().filter(id -> !listed.contains(id)).sorted().toList();
        return new ListComparison(List.copyOf(changed), gone, Map.copyOf(save));
    }

    /** Every user to reconcile: the changed and the gone. */
    List<Long> toReconcile() {
        List<Long> all = new ArrayList<>(changed);
        all.addAll(gone);
        return all;
    }
}
