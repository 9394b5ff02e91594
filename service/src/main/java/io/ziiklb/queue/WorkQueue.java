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

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Kinds claimed only after every other kind that is due: bulk and periodic work (their wire names, for SQL). */
    private final List<String> background;
    private final Claims claims;
    private final LazyFlush lazyFlush;

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
        this.lazyFlush = LazyFlush.of(template);
        this.claims = new Claims(jdbc, tx, clock, this.background, lazyFlush);
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

    /**
     * Claims up to {@code limit} due items (ready and due, or leased with an expired lease): other
     * kinds before background kinds, then oldest first, but fairly: at most {@value Claims#PER_INTEGRATION_PER_CLAIM} of one integration per claim,
     * and an integration that already has {@value Claims#PER_INTEGRATION_IN_FLIGHT} in flight (across all
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
        return claims.claim(worker, limit, lease, backgroundLimit);
    }

    /** Whether items of this kind are background work (see the constructor). */
    public boolean isBackground(WorkKind kind) {
        return background.contains(kind.wireName());
    }

    /** Extends the lease; false when the item is no longer this worker's (lease expired and taken). */
    public boolean renew(WorkItem item, String worker, Duration lease) {
        return jdbc.sql("UPDATE work_item SET lease_until = ? WHERE id = ? AND leased_by = ? AND state = 'leased'")
                .params(utc(clock.instant().plus(lease)), item.id(), worker).update() == 1;
    }

    /**
     * The item's work is done. It is removed, unless hints came in since it was claimed (a newer
     * generation): then it is ready again at once, attempts reset.
     *
     * @return whether it is ready again (to be claimed at once)
     */
    public boolean complete(WorkItem item, String worker) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            lazyFlush.thisTransaction(jdbc); // lost in a database crash, the item runs once more
            int deleted = jdbc.sql("DELETE FROM work_item WHERE id = ? AND leased_by = ? AND generation = ?")
                    .params(item.id(), worker, item.generation()).update();
            if (deleted == 0) {
                return jdbc.sql("UPDATE work_item SET state = 'ready', leased_by = NULL, lease_until = NULL, attempts = 0,"
                        + " not_before = ?, last_error = NULL WHERE id = ? AND leased_by = ?")
                        .params(utc(clock.instant()), item.id(), worker).update() == 1;
            }
            return false;
        }));
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

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
