package io.ziiklb.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides who gets a name when Learningbank's names are unique (case-insensitively) and several
 * Ziik objects, or an object ziiklb does not manage, want the same one (rules U6 and R2).
 *
 * <p>An object keeps a name it holds. A name held by an object that is renamed away or deleted goes
 * to a claimant once that object has let go of it ({@link Outcome#waitsFor()}). Among claimants,
 * linked objects come first, then the lowest Ziik id. A name held by an object ziiklb does not
 * manage is lost to everyone, or, where adoption is allowed, adopted by the best new claimant. A
 * linked object that loses keeps its current name; a new one is not created. Two linked objects
 * swapping names both keep theirs (Learningbank would refuse either rename first).
 */
final class NameClaims {

    /** Who holds a name in Learningbank now; {@code linkedZiikId} null when ziiklb does not manage it. */
    record Holder(String learningbankId, Long linkedZiikId) {
    }

    /** An object that wants {@code desiredName}; {@code currentName} is null for one not yet created. */
    record Claimant(long ziikId, String currentName, String desiredName) {
        boolean linked() {
            return currentName != null;
        }
    }

    /**
     * @param names     the name each claimant ends up with (absent for a new one that lost)
     * @param waitsFor  claimant → the linked object whose rename or delete frees its name
     * @param adopts    new claimant → the unmanaged Learningbank object it adopts
     * @param lost      claimant → why it did not get its desired name
     */
    record Outcome(Map<Long, String> names, Map<Long, Long> waitsFor, Map<Long, String> adopts, Map<Long, String> lost) {
    }

    private final List<Claimant> claimants;
    private final Map<String, Holder> holders;
    private final Set<Long> releasing;
    private final boolean adoptUnmanaged;
    private final String noun;

    /**
     * @param holders   current Learningbank names (lower-cased by {@link #key}) and who holds them
     * @param releasing linked objects that are deleted in this plan, and so free their names
     * @param noun      what the objects are in Learningbank, for messages
     */
    NameClaims(List<Claimant> claimants, Map<String, Holder> holders, Set<Long> releasing, boolean adoptUnmanaged,
               String noun) {
        this.claimants = claimants.stream().sorted(Comparator.comparingLong(Claimant::ziikId)).toList();
        this.holders = holders;
        this.releasing = releasing;
        this.adoptUnmanaged = adoptUnmanaged;
        this.noun = noun;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    Outcome resolve() {
        Map<Long, String> target = new HashMap<>();
        claimants.forEach(c -> target.put(c.ziikId(), c.desiredName()));
        Map<Long, String> reasons = new HashMap<>();
        while (true) {
            Outcome round = round(target);
            round.lost().forEach(reasons::putIfAbsent);
            Set<Long> swapped = swaps(round.waitsFor());
            swapped.forEach(id -> reasons.putIfAbsent(id,
                    "two " + noun + "s swap names; rename one of them in two steps"));
            boolean changed = false;
            for (Claimant c : claimants) {
                boolean lostRename = c.linked() && (round.lost().containsKey(c.ziikId()) || swapped.contains(c.ziikId()));
                if (lostRename && !target.get(c.ziikId()).equals(c.currentName())) {
                    target.put(c.ziikId(), c.currentName());
                    changed = true;
                }
            }
            if (!changed) {
                Map<Long, String> lost = new LinkedHashMap<>();
                for (Claimant c : claimants) {
                    if (!c.desiredName().equals(round.names().get(c.ziikId()))) {
                        lost.put(c.ziikId(), reasons.getOrDefault(c.ziikId(), "the name is taken"));
                    }
                }
                return new Outcome(round.names(), round.waitsFor(), round.adopts(), lost);
            }
        }
    }

    private Outcome round(Map<Long, String> target) {
        Map<String, List<Claimant>> groups = new LinkedHashMap<>();
        for (Claimant c : claimants) {
            groups.computeIfAbsent(key(target.get(c.ziikId())), k -> new ArrayList<>()).add(c);
        }
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> waitsFor = new HashMap<>();
        Map<Long, String> adopts = new HashMap<>();
        Map<Long, String> lost = new HashMap<>();
        groups.forEach((key, group) -> {
            Holder holder = holders.get(key);
            Claimant winner;
            String reason;
            if (holder == null) {
                winner = best(group);
                reason = "another Ziik object wants the same name";
            } else if (holder.linkedZiikId() == null) {
                winner = adoptUnmanaged ? group.stream().filter(c -> !c.linked()).findFirst().orElse(null) : null;
                if (winner != null) {
                    adopts.put(winner.ziikId(), holder.learningbankId());
                }
                reason = "the name is taken by a Learningbank " + noun + " that ziiklb does not manage";
            } else {
                long holderId = holder.linkedZiikId();
                Claimant self = group.stream().filter(c -> c.ziikId() == holderId).findFirst().orElse(null);
                boolean letsGo = releasing.contains(holderId)
                        || (target.containsKey(holderId) && !key(target.get(holderId)).equals(key));
                if (self != null) {
                    winner = self;
                } else if (letsGo) {
                    winner = best(group);
                    waitsFor.put(winner.ziikId(), holderId);
                } else {
                    winner = null;
                }
                reason = "the name is taken by the " + noun + " of Ziik object " + holderId;
            }
            for (Claimant c : group) {
                if (c == winner) {
                    names.put(c.ziikId(), target.get(c.ziikId()));
                } else {
                    lost.put(c.ziikId(), "\"" + target.get(c.ziikId()) + "\": " + reason);
                    if (c.linked()) {
                        names.put(c.ziikId(), c.currentName());
                    }
                }
            }
        });
        return new Outcome(names, waitsFor, adopts, lost);
    }

    private static Claimant best(List<Claimant> group) {
        return group.stream().filter(Claimant::linked).findFirst().orElse(group.getFirst());
    }

    /** Claimants on a cycle of "waits for" (each waits for at most one): names that swap. */
    private static Set<Long> swaps(Map<Long, Long> waitsFor) {
        Set<Long> onCycle = new HashSet<>();
        for (Long start : waitsFor.keySet()) {
            Set<Long> seen = new HashSet<>();
            Long at = start;
            while (at != null && seen.add(at)) {
                at = waitsFor.get(at);
            }
            if (at != null && at.equals(start)) {
                onCycle.addAll(seen);
            }
        }
        return onCycle;
    }
}
