package io.ziiklb.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How {@link WorkQueue#claim} finds and leases due items: changes before background work, oldest
 * first, fairly between integrations, in the index's order. Thread-safe.
 */
final class Claims {
    private static final Duration EVERY_SECOND = Duration.ofSeconds(1);

    /** Items one claim takes from one integration at most, so others' items come in the same round. */
    static final int PER_INTEGRATION_PER_CLAIM = 2;
    /** Items one integration may have in flight at once, across all instances, so it cannot take every worker. */
    static final int PER_INTEGRATION_IN_FLIGHT = 6;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** The background kinds' wire names, for SQL. */
    private final List<String> background;
    private final LazyFlush lazyFlush;
    private volatile int integrations;
    private volatile Instant integrationsCountedAt;
    private final AtomicReference<Instant> expiredLookedForAt = new AtomicReference<>();
    private final AtomicReference<Instant> backgroundLookedForAt = new AtomicReference<>();

    Claims(JdbcClient jdbc, TransactionTemplate tx, Clock clock, List<String> background, LazyFlush lazyFlush) {
        this.jdbc = jdbc;
        this.lazyFlush = lazyFlush;
        this.tx = tx;
        this.clock = clock;
        this.background = background;
    }

    /** See {@link WorkQueue#claim(String, int, Duration, int)}. */
    List<WorkItem> claim(String worker, int limit, Duration lease, int backgroundLimit) {
        return tx.execute(status -> {
            lazyFlush.thisTransaction(jdbc); // a lease lost in a database crash: claimable again, as when it expires
            List<ClaimedRows.Row> rows = new java.util.ArrayList<>();
            boolean lookForExpired = onceASecond(expiredLookedForAt);
            if (background.isEmpty()) {
                rows.addAll(leaseFairlyThenAny(worker, limit, lease, "", lookForExpired));
            } else { // changes first, then background work: each pass in the index's order
                rows.addAll(leaseFairlyThenAny(worker, limit, lease, " AND kind NOT IN (:background)", lookForExpired));
                int more = Math.min(limit - rows.size(), backgroundLimit);
                // background work is looked for when no change was due, and else once a second: under a
                // stream of changes (a claim for nearly each) it waits a second at most, a query saved a claim
                if (more > 0 && (rows.isEmpty() || onceASecond(backgroundLookedForAt))) {
                    rows.addAll(leaseFairlyThenAny(worker, more, lease, " AND kind IN (:background)", lookForExpired));
                }
            }
            return ClaimedRows.workable(jdbc, worker, rows);
        });
    }

    /**
     * Whether a look that {@code last} times is due: at most once a second. Items whose lease expired
     * are looked for so (they appear only when a worker died, and a second more before another takes
     * its work over is nothing beside the lease), and background work while changes keep coming.
     */
    private boolean onceASecond(AtomicReference<Instant> last) {
        Instant now = clock.instant();
        Instant then = last.get();
        if (then != null && now.isBefore(then.plus(EVERY_SECOND)) && !now.isBefore(then)) {
            return false;
        }
        return last.compareAndSet(then, now);
    }

    /** Fair claims first, then any due item to fill {@code limit}; {@code kinds} narrows the items (SQL). */
    private List<ClaimedRows.Row> leaseFairlyThenAny(String worker, int limit, Duration lease, String kinds, boolean expired) {
        List<ClaimedRows.Row> rows = new java.util.ArrayList<>(
                severalIntegrations() ? lease(worker, limit, lease, true, kinds, expired) : List.of());
        if (rows.size() < limit) {
            rows.addAll(lease(worker, limit - rows.size(), lease, false, kinds, expired));
        }
        return rows;
    }

    /** Whether there is anyone to be fair to: more than one integration (counted at most every 10 s). */
    private boolean severalIntegrations() {
        Instant now = clock.instant();
        if (integrationsCountedAt == null || integrationsCountedAt.plusSeconds(10).isBefore(now)) {
            integrations = jdbc.sql("SELECT COUNT(*) FROM integration").query(Integer.class).single();
            integrationsCountedAt = now;
        }
        return integrations > 1;
    }

    /**
     * Locks and leases up to {@code limit} due items, oldest first; within the caller's transaction.
     * Ready items and items whose lease expired are looked for apart, each in the order of the
     * index on {@code (state, not_before, id)}: the query stops at {@code limit} rows instead of
     * sorting every waiting item, so a claim costs the same however long the queue has grown.
     */
    private List<ClaimedRows.Row> lease(String worker, int limit, Duration lease, boolean capInFlight, String kinds,
                                        boolean expired) {
        List<ClaimedRows.Row> leased = leaseWhere(worker, limit, lease, capInFlight, kinds, "state = 'ready' AND not_before <= :now");
        if (expired && leased.size() < limit) { // work whose worker died: as many rows as workers at most
            leased.addAll(leaseWhere(worker, limit - leased.size(), lease, capInFlight, kinds, "state = 'leased' AND lease_until < :now"));
        }
        return leased;
    }

    /** The rows as they are once leased: locked and read in one query, then each leased (attempts counted). */
    private List<ClaimedRows.Row> leaseWhere(String worker, int limit, Duration lease, boolean capInFlight, String kinds,
                                             String state) {
        OffsetDateTime now = WorkQueue.utc(clock.instant());
        // the due conditions stand at the outer level: a row another worker leased meanwhile is
        // re-checked once locked (PostgreSQL), and the UPDATE below checks again (any database)
        String due = "((state = 'ready' AND not_before <= :now) OR (state = 'leased' AND lease_until < :now))";
        String fairly = " AND id IN (SELECT id FROM (SELECT id, integration_id,"
                + " ROW_NUMBER() OVER (PARTITION BY integration_id ORDER BY " + order() + ") AS place"
                + " FROM work_item WHERE " + due + ") waiting WHERE place <= :perClaim"
                + " AND integration_id NOT IN (SELECT integration_id FROM work_item WHERE state = 'leased'"
                + " AND lease_until >= :now GROUP BY integration_id HAVING COUNT(*) >= :inFlight))";
        JdbcClient.StatementSpec select = jdbc.sql("SELECT " + ClaimedRows.COLUMNS + " FROM work_item WHERE " + state + kinds
                        + (capInFlight ? fairly : "") + " ORDER BY not_before, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", now).param("perClaim", PER_INTEGRATION_PER_CLAIM).param("inFlight", PER_INTEGRATION_IN_FLIGHT)
                .param("limit", limit);
        List<ClaimedRows.Row> candidates = (background.isEmpty() ? select : select.param("background", background))
                .query(ClaimedRows::read).list();
        OffsetDateTime until = WorkQueue.utc(clock.instant().plus(lease));
        List<ClaimedRows.Row> leased = new java.util.ArrayList<>();
        for (ClaimedRows.Row row : candidates) {
            int updated = jdbc.sql("UPDATE work_item SET state = 'leased', leased_by = ?, lease_until = ?, attempts = attempts + 1"
                    + " WHERE id = ? AND ((state = 'ready' AND not_before <= ?) OR (state = 'leased' AND lease_until < ?))")
                    .params(worker, until, row.id(), now, now).update();
            if (updated == 1) {
                leased.add(row.leased());
            }
        }
        return leased;
    }

    /** The order of claims: background kinds last, then oldest first. */
    private String order() {
        return background.isEmpty() ? "not_before, id" : "CASE WHEN kind IN (:background) THEN 1 ELSE 0 END, not_before, id";
    }
}
