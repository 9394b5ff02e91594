package io.ziiklb.jobs;

import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.sync.Pace;
import io.ziiklb.sync.SyncContext;
import io.ziiklb.sync.UnitTree;
import io.ziiklb.ziik.ZiikClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What live work keeps of its reads from the peers, per integration, on this instance: Ziik's unit
 * tree (for placing users) and Learningbank's job profiles (rule P5), each for a while.
 */
final class KeptReads {
    /** How long a tree read is used for placing users; a unit hint, or a tree reconcile, replaces it sooner. */
    private static final Duration TREE_FRESH_FOR = Duration.ofMinutes(5);
    /** How long Learningbank's job profiles (rule P5) are used; Ziik says nothing of them, and full syncs read them anew. */
    private static final Duration JOB_PROFILES_FRESH_FOR = Duration.ofMinutes(1);

    /**
     * Ziik's unit tree, and the units that the tree reconcile which read it found in a name
     * conflict (rule U6; none when the tree was read for placing a user): a user of such a unit is
     * not kept waiting for a department that will not come until the admin resolves the conflict.
     */
    record KnownTree(UnitTree tree, Set<Long> conflicted) {
    }

    /** Something read from a peer, and when. */
    private record Kept<T>(T value, Instant read) {
        boolean freshFor(Duration duration, Instant now) {
            return read.plus(duration).isAfter(now);
        }
    }

    private final Clock clock;
    private final Map<String, Kept<KnownTree>> trees = new ConcurrentHashMap<>();
    private final Map<String, Kept<List<LbJobProfile>>> jobProfiles = new ConcurrentHashMap<>();

    KeptReads(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the tree a tree reconcile read, with the units it found in a name conflict. */
    void keepTree(String integrationId, UnitTree tree, Set<Long> nameConflicts) {
        trees.put(integrationId, new Kept<>(new KnownTree(tree, nameConflicts), clock.instant()));
    }

    /**
     * The tree for placing a user, with the units in a name conflict that the last synchronisation
     * recorded (on any instance). A kept tree that places a conflicted unit's members elsewhere than
     * that record is older than the synchronisation that wrote it (another instance reconciled the
     * tree since): it is read again, so a user re-placed after a move is placed by the moved tree.
     */
    KnownTree knownTree(String integrationId, ZiikClient ziik, JdbcLinkStore links) throws InterruptedException {
        Map<Long, String> placements = links.conflictPlacements();
        KnownTree known = tree(integrationId, ziik);
        if (!placements.isEmpty() && !agrees(known.tree(), placements, links.unitsAndRoles().units())) {
            trees.remove(integrationId);
            known = tree(integrationId, ziik);
        }
        Set<Long> conflicted = new HashSet<>(known.conflicted());
        conflicted.addAll(placements.keySet());
        return new KnownTree(known.tree(), conflicted);
    }

    /** Whether the tree places each conflicted unit's members where the record says. */
    private static boolean agrees(UnitTree tree, Map<Long, String> placements, Map<Long, String> unitLinks) {
        String top = unitLinks.get(tree.top().id());
        return placements.entrySet().stream().allMatch(placed -> placed.getValue()
                .equals(tree.departmentFor(placed.getKey(), u -> Optional.ofNullable(unitLinks.get(u)), top)));
    }

    /** The kept tree while fresh, else Ziik's tree read now (then kept). */
    KnownTree tree(String integrationId, ZiikClient ziik) throws InterruptedException {
        return kept(trees, integrationId, TREE_FRESH_FOR, () -> new KnownTree(new UnitTree(ziik.units()), Set.of()));
    }

    /** The kept job profiles while fresh, else Learningbank's read now (then kept). */
    List<LbJobProfile> jobProfiles(String integrationId, SyncContext context) throws InterruptedException {
        return kept(jobProfiles, integrationId, JOB_PROFILES_FRESH_FOR,
                () -> context.reader(1, Pace.FULL_SPEED).readJobProfiles(context.learningbank()));
    }

    /** What {@code kept} holds for the integration while fresh, else what {@code read} reads now (then kept). */
    private <T> T kept(Map<String, Kept<T>> kept, String integrationId, Duration freshFor, Read<T> read)
            throws InterruptedException {
        Kept<T> held = kept.get(integrationId);
        if (held == null || !held.freshFor(freshFor, clock.instant())) {
            held = new Kept<>(read.read(), clock.instant());
            kept.put(integrationId, held);
        }
        return held.value();
    }

    /** A read from a peer. */
    @FunctionalInterface
    private interface Read<T> {
        T read() throws InterruptedException;
    }
}
