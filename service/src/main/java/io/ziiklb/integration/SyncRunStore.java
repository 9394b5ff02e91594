package io.ziiklb.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Synchronisation runs in the database. */
public final class SyncRunStore {
    private static final String COLUMNS = "id, integration_id, status, phase, done, total, created, updated, deactivated,"
            + " deleted, unchanged, failed, held, message, started_at, finished_at";

    private final JdbcClient jdbc;

    public SyncRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SyncRun run) {
        jdbc.sql("INSERT INTO sync_run (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(values(run)).update();
    }

    public void update(SyncRun run) {
        SyncRun.Counts c = run.counts();
        jdbc.sql("UPDATE sync_run SET status = ?, phase = ?, done = ?, total = ?, created = ?, updated = ?,"
                        + " deactivated = ?, deleted = ?, unchanged = ?, failed = ?, held = ?, message = ?, finished_at = ?"
                        + " WHERE id = ?")
                .params(run.status(), run.phase(), run.done(), run.total(), c.created(), c.updated(), c.deactivated(),
                        c.deleted(), c.unchanged(), c.failed(), run.held(), run.message(),
                        run.finishedAt() == null ? null : IntegrationStore.utc(run.finishedAt()), run.id())
                .update();
    }

    /**
     * Writes a running synchronisation's progress (phase, done, total, counts so far), unless the run
     * has ended meanwhile: a worker that lost its lease and is still going (another instance took the
     * item over and finished it) must not turn a finished run back into a running one, and one whose
     * run was stopped (its integration is being removed) stops.
     *
     * @return whether the row was written
     */
    public boolean progress(SyncRun run) {
        SyncRun.Counts c = run.counts();
        return jdbc.sql("UPDATE sync_run SET phase = ?, done = ?, total = ?, created = ?, updated = ?, deactivated = ?,"
                        + " deleted = ?, unchanged = ?, failed = ? WHERE id = ? AND status = ?")
                .params(run.phase(), run.done(), run.total(), c.created(), c.updated(), c.deactivated(), c.deleted(),
                        c.unchanged(), c.failed(), run.id(), RunStatus.RUNNING.wireName())
                .update() == 1;
    }

    /** Marks the integration's running synchronisations failed with {@code reason}; whoever runs one stops at its next progress. */
    public int stopRunning(String integrationId, String reason, Instant at) {
        return jdbc.sql("UPDATE sync_run SET status = ?, message = ?, finished_at = ? WHERE integration_id = ? AND status = ?")
                .params(RunStatus.FAILED.wireName(), reason, IntegrationStore.utc(at), integrationId, RunStatus.RUNNING.wireName())
                .update();
    }

    public void delete(String integrationId, String id) {
        jdbc.sql("DELETE FROM sync_run WHERE integration_id = ? AND id = ?").params(integrationId, id).update();
    }

    public Optional<SyncRun> find(String integrationId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE integration_id = ? AND id = ?")
                .params(integrationId, id).query(SyncRunStore::row).optional();
    }

    public Optional<SyncRun> latest(String integrationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE integration_id = ? ORDER BY started_at DESC, id DESC LIMIT 1")
                .param(integrationId).query(SyncRunStore::row).optional();
    }

    /**
     * When each integration's latest synchronisation started, for every integration that has one:
     * one query for the periodic jobs, which look at every integration each tick.
     */
    public Map<String, Instant> latestStarts() {
        Map<String, Instant> starts = new HashMap<>();
        jdbc.sql("SELECT integration_id, MAX(started_at) FROM sync_run GROUP BY integration_id")
                .query((RowCallbackHandler) rs -> starts.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
        return starts;
    }

    private static Object[] values(SyncRun r) {
        SyncRun.Counts c = r.counts();
        return new Object[] {r.id(), r.integrationId(), r.status(), r.phase(), r.done(), r.total(), c.created(),
                c.updated(), c.deactivated(), c.deleted(), c.unchanged(), c.failed(), r.held(), r.message(),
                IntegrationStore.utc(r.startedAt()), r.finishedAt() == null ? null : IntegrationStore.utc(r.finishedAt())};
    }

    private static SyncRun row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new SyncRun(rs.getString("id"), rs.getString("integration_id"), rs.getString("status"), rs.getString("phase"),
                rs.getInt("done"), rs.getInt("total"),
                new SyncRun.Counts(rs.getInt("created"), rs.getInt("updated"), rs.getInt("deactivated"),
                        rs.getInt("deleted"), rs.getInt("unchanged"), rs.getInt("failed")),
                rs.getInt("held"), rs.getString("message"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
