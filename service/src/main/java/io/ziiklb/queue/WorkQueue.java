package io.ziiklb.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable work queue in the database. Thread-safe, and safe for several processes on one
 * PostgreSQL: a claim locks rows with {@code FOR UPDATE SKIP LOCKED}, so each item is worked on by
 * one worker at a time, and a lease that is not renewed expires so another worker takes the item.
 */
public final class WorkQueue {
    private static final String COLUMNS = "id, integration_id, kind, ziik_id, payload, generation, attempts, enqueued_at, not_before";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Kinds claimed only after every other kind that is due: bulk and periodic work (their wire names, for SQL). */
    private final List<String> background;
    private volatile int integrations;
    private volatile Instant integrationsCountedAt;
    private volatile Instant expiredLookedForAt;
    private static final Duration EXPIRED_LEASES_EVERY = Duration.ofSeconds(1);

    /** A queue that claims every kind alike: oldest first, fairly between integrations. */
    public WorkQueue(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Clock clock) {
        this(jdbc, template, tx, clock, java.util.Set.of());
    }

    /**
     * @param background kinds of bulk or periodic work (full synchronisations, role polls): a due
     *                   item of any other kind (a change someone made and waits to see) is claimed
     *                   before them, however long they have waited, so a burst of background work
     *                   across many integrations does not queue changes behind it
     */
    public WorkQueue(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Clock clock,
                     java.util.Set<WorkKind> background) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.clock = clock;
        this.background = background.stream().map(WorkKind::wireName).sorted().toList();
    }

    /** Now, by the clock the queue stamps its items' due times with. */
    Instant now() {
        return clock.instant();
    }

    /**
     * Adds an item, or coalesces with the one already there for the same key: its generation goes
     * up (so one being worked on runs again afterwards), a dead one comes back to life. Durable on
     * return.
     *
     * @param payload kept from the first enqueue when the item already exists
     * @return the item's payload as stored (the first enqueue's)
     */
    public String enqueue(String integrationId, WorkKind kind, long ziikId, String payload) {
        return enqueue(integrationId, kind, ziikId, payload, true);
    }

    /** {@link #enqueue}, for hints that carry no payload: one statement fewer. */
    public void hint(String integrationId, WorkKind kind, long ziikId) {
        enqueue(integrationId, kind, ziikId, null, false);
    }

    private String enqueue(String integrationId, WorkKind kind, long ziikId, String payload, boolean readPayload) {
        OffsetDateTime now = utc(clock.instant());
        for (int tries = 0; ; tries++) {
            int bumped = jdbc.sql("UPDATE work_item SET generation = generation + 1,"
                            + " attempts = CASE WHEN state = 'dead' THEN 0 ELSE attempts END,"
                            + " not_before = CASE WHEN state = 'dead' THEN ? ELSE not_before END,"
                            + " state = CASE WHEN state = 'dead' THEN 'ready' ELSE state END"
                            + " WHERE integration_id = ? AND kind = ? AND ziik_id = ?")
                    .params(now, integrationId, kind.wireName(), ziikId).update();
            if (bumped == 0) {
                try {
                    jdbc.sql("INSERT INTO work_item (integration_id, kind, ziik_id, payload, generation, attempts, state,"
                                    + " not_before, enqueued_at) VALUES (?, ?, ?, ?, 0, 0, 'ready', ?, ?)")
                            .params(integrationId, kind.wireName(), ziikId, payload, now, now).update();
                    return payload;
                } catch (DuplicateKeyException concurrentEnqueue) {
                    if (tries > 3) {
                        throw concurrentEnqueue;
                    }
                    continue; // someone inserted it between our update and insert: coalesce with theirs
                }
            }
            if (!readPayload) {
                return payload;
            }
            return jdbc.sql("SELECT payload FROM work_item WHERE integration_id = ? AND kind = ? AND ziik_id = ?")
                    .params(integrationId, kind.wireName(), ziikId).query(String.class).optional().orElse(payload);
        }
    }

    /** A hint's key. */
    public record Key(String integrationId, WorkKind kind, long ziikId) {
    }

    /**
     * {@link #hint} for many keys in one transaction (a group commit): one batched update for all,
     * one batched insert for those not queued yet. All or nothing; a key twice counts twice.
     */
    public void hints(List<Key> keys) {
        tx.executeWithoutResult(status -> {
            OffsetDateTime now = utc(clock.instant());
            int[] bumped = template.batchUpdate("UPDATE work_item SET generation = generation + 1,"
                    + " attempts = CASE WHEN state = 'dead' THEN 0 ELSE attempts END,"
                    + " not_before = CASE WHEN state = 'dead' THEN ? ELSE not_before END,"
                    + " state = CASE WHEN state = 'dead' THEN 'ready' ELSE state END"
                    + " WHERE integration_id = ? AND kind = ? AND ziik_id = ?", keys.stream()
                    .map(k -> new Object[] {now, k.integrationId(), k.kind().wireName(), k.ziikId()}).toList());
            java.util.Set<Key> missing = new java.util.LinkedHashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                if (bumped[i] == 0) {
                    missing.add(keys.get(i));
                }
            }
            template.batchUpdate("INSERT INTO work_item (integration_id, kind, ziik_id, payload, generation, attempts, state,"
                    + " not_before, enqueued_at) VALUES (?, ?, ?, NULL, 0, 0, 'ready', ?, ?)", missing.stream()
                    .map(k -> new Object[] {k.integrationId(), k.kind().wireName(), k.ziikId(), now, now}).toList());
        });
    }

    /** Items one claim takes from one integration at most, so others' items come in the same round. */
    static final int PER_INTEGRATION_PER_CLAIM = 2;
    /** Items one integration may have in flight at once, across all instances, so it cannot take every worker. */
    static final int PER_INTEGRATION_IN_FLIGHT = 6;

    /**
     * Claims up to {@code limit} due items (ready and due, or leased with an expired lease): other
     * kinds before background kinds, then oldest first, but fairly: at most {@value #PER_INTEGRATION_PER_CLAIM} of one integration per claim,
     * and an integration that already has {@value #PER_INTEGRATION_IN_FLIGHT} in flight (across all
     * instances) only gets more when no other integration has work waiting. Leases them to
     * {@code worker} for {@code lease}.
     */
    public List<WorkItem> claim(String worker, int limit, Duration lease) {
        return claim(worker, limit, lease, limit);
    }

    /**
     * {@link #claim(String, int, Duration)}, taking at most {@code backgroundLimit} items of the
     * background kinds, so that a worker can keep some of its capacity for changes: a burst of
     * background work (one role poll for each of a thousand integrations) would otherwise take
     * every worker for as long as each item runs, and changes arriving meanwhile would wait.
     */
    public List<WorkItem> claim(String worker, int limit, Duration lease, int backgroundLimit) {
        return tx.execute(status -> {
            List<ClaimedRows.Row> rows = new java.util.ArrayList<>();
            boolean lookForExpired = expiredLeasesDue();
            if (background.isEmpty()) {
                rows.addAll(leaseFairlyThenAny(worker, limit, lease, "", lookForExpired));
            } else { // changes first, then background work: each pass in the index's order
                rows.addAll(leaseFairlyThenAny(worker, limit, lease, " AND kind NOT IN (:background)", lookForExpired));
                int more = Math.min(limit - rows.size(), backgroundLimit);
                if (more > 0) {
                    rows.addAll(leaseFairlyThenAny(worker, more, lease, " AND kind IN (:background)", lookForExpired));
                }
            }
            return ClaimedRows.workable(jdbc, worker, rows);
        });
    }

    /**
     * Whether this claim also looks for items whose lease expired: at most once a second, as they
     * appear only when a worker died, and a second more before another takes its work over is nothing
     * beside the lease; the query saved is half of every claim's.
     */
    private boolean expiredLeasesDue() {
        Instant now = clock.instant();
        Instant last = expiredLookedForAt;
        if (last != null && now.isBefore(last.plus(EXPIRED_LEASES_EVERY)) && !now.isBefore(last)) {
            return false;
        }
        expiredLookedForAt = now;
        return true;
    }

    /** Whether items of this kind are background work (see the constructor). */
    public boolean isBackground(WorkKind kind) {
        return background.contains(kind.wireName());
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
        OffsetDateTime now = utc(clock.instant());
        // the due conditions stand at the outer level: a row another worker leased meanwhile is
        // re-checked once locked (PostgreSQL), and the UPDATE below checks again (any database)
        String due = "((state = 'ready' AND not_before <= :now) OR (state = 'leased' AND lease_until < :now))";
        String fairly = " AND id IN (SELECT id FROM (SELECT id, integration_id,"
                + " ROW_NUMBER() OVER (PARTITION BY integration_id ORDER BY " + order() + ") AS place"
                + " FROM work_item WHERE " + due + ") waiting WHERE place <= :perClaim"
                + " AND integration_id NOT IN (SELECT integration_id FROM work_item WHERE state = 'leased'"
                + " AND lease_until >= :now GROUP BY integration_id HAVING COUNT(*) >= :inFlight))";
        JdbcClient.StatementSpec select = jdbc.sql("SELECT " + COLUMNS + " FROM work_item WHERE " + state + kinds
                        + (capInFlight ? fairly : "") + " ORDER BY not_before, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", now).param("perClaim", PER_INTEGRATION_PER_CLAIM).param("inFlight", PER_INTEGRATION_IN_FLIGHT)
                .param("limit", limit);
        List<ClaimedRows.Row> candidates = (background.isEmpty() ? select : select.param("background", background))
                .query(ClaimedRows::read).list();
        OffsetDateTime until = utc(clock.instant().plus(lease));
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

    /** Extends the lease; false when the item is no longer this worker's (lease expired and taken). */
    public boolean renew(WorkItem item, String worker, Duration lease) {
        return jdbc.sql("UPDATE work_item SET lease_until = ? WHERE id = ? AND leased_by = ? AND state = 'leased'")
                .params(utc(clock.instant().plus(lease)), item.id(), worker).update() == 1;
    }

    /**
     * The item's work is done. It is removed, unless hints came in since it was claimed (a newer
     * generation): then it is ready again at once, attempts reset.
     */
    public void complete(WorkItem item, String worker) {
        int deleted = jdbc.sql("DELETE FROM work_item WHERE id = ? AND leased_by = ? AND generation = ?")
                .params(item.id(), worker, item.generation()).update();
        if (deleted == 0) {
            jdbc.sql("UPDATE work_item SET state = 'ready', leased_by = NULL, lease_until = NULL, attempts = 0,"
                    + " not_before = ?, last_error = NULL WHERE id = ? AND leased_by = ?")
                    .params(utc(clock.instant()), item.id(), worker).update();
        }
    }

    /**
     * The attempt failed: the item runs again after {@code wait}, or, when {@code dead}, parks as a
     * dead letter until retried or a new hint arrives.
     */
    public void fail(WorkItem item, String worker, String error, Duration wait, boolean dead) {
        jdbc.sql("UPDATE work_item SET state = ?, not_before = ?, last_error = ?, leased_by = NULL, lease_until = NULL"
                        + " WHERE id = ? AND leased_by = ?")
                .params(dead ? "dead" : "ready", utc(clock.instant().plus(wait)), error, item.id(), worker).update();
    }

    /**
     * Holds back every waiting item of the integration until {@code until}: while its Learningbank
     * is down or refuses the credentials, trying its other items would only hammer it.
     */
    public int defer(String integrationId, Instant until) {
        return jdbc.sql("UPDATE work_item SET not_before = ? WHERE integration_id = ? AND state = 'ready' AND not_before < ?")
                .params(utc(until), integrationId, utc(until)).update();
    }

    /** Removes the item of this key unless a worker holds it now; returns whether one was removed. */
    public boolean dropUnclaimed(String integrationId, WorkKind kind, long ziikId) {
        return jdbc.sql("DELETE FROM work_item WHERE integration_id = ? AND kind = ? AND ziik_id = ? AND state <> 'leased'")
                .params(integrationId, kind.wireName(), ziikId).update() > 0;
    }

    /** Dead letters back to ready, attempts reset; returns how many. */
    public int retryDead(String integrationId) {
        return jdbc.sql("UPDATE work_item SET state = 'ready', attempts = 0, not_before = ? WHERE integration_id = ? AND state = 'dead'")
                .params(utc(clock.instant()), integrationId).update();
    }

    /** What is queued for an integration, for the status API. */
    public QueueStatus status(String integrationId) {
        return jdbc.sql("SELECT COUNT(CASE WHEN state <> 'dead' THEN 1 END), COUNT(CASE WHEN state = 'dead' THEN 1 END),"
                        + " MIN(CASE WHEN state <> 'dead' THEN enqueued_at END) FROM work_item WHERE integration_id = ?")
                .param(integrationId)
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(3, OffsetDateTime.class);
                    return new QueueStatus(rs.getInt(1), rs.getInt(2),
                            oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
                }).single();
    }

    /** The payload (empty when none) of the queued or running item of this key, if there is one. */
    public Optional<String> queued(String integrationId, WorkKind kind, long ziikId) {
        return jdbc.sql("SELECT COALESCE(payload, '') FROM work_item WHERE integration_id = ? AND kind = ? AND ziik_id = ? AND state <> 'dead'")
                .params(integrationId, kind.wireName(), ziikId).query(String.class).optional();
    }

    /**
     * @param pending             items waiting or being worked on
     * @param dead                dead letters
     * @param oldestPendingSeconds how long the oldest pending hint has waited
     */
    public record QueueStatus(int pending, int dead, long oldestPendingSeconds) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
