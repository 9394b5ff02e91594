package io.ziiklb.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The activity log in the database. Thread-safe. */
public final class ActivityLog {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ActivityLog(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Appends entries in one batch; their {@code id} is ignored. */
    public void append(String integrationId, List<ActivityEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        template.batchUpdate("INSERT INTO activity (integration_id, at, kind, ziik_id, learningbank_id, action, outcome,"
                + " message) VALUES (?,?,?,?,?,?,?,?)", entries, 500, (ps, e) -> {
                    ps.setString(1, integrationId);
                    ps.setObject(2, e.at().atOffset(ZoneOffset.UTC));
                    ps.setString(3, e.kind());
                    ps.setObject(4, e.ziikId());
                    ps.setString(5, e.learningbankId());
                    ps.setString(6, e.action());
                    ps.setString(7, e.outcome());
                    ps.setString(8, e.message());
                });
    }

    /** Newest first, at most {@code limit}, older than entry {@code before} when given. */
    public List<ActivityEntry> newest(String integrationId, int limit, Long before) {
        return newest(integrationId, limit, before, null, null);
    }

    /**
     * Newest first, at most {@code limit}, older than entry {@code before} when given, of one
     * {@code kind} and one {@code outcome} when given.
     */
    public List<ActivityEntry> newest(String integrationId, int limit, Long before, String kind, String outcome) {
        return jdbc.sql("SELECT id, at, kind, ziik_id, learningbank_id, action, outcome, message FROM activity"
                        + " WHERE integration_id = ? AND id < ? AND (CAST(? AS VARCHAR(40)) IS NULL OR kind = ?) AND (CAST(? AS VARCHAR(40)) IS NULL OR outcome = ?)"
                        + " ORDER BY id DESC LIMIT ?")
                .params(integrationId, before == null ? Long.MAX_VALUE : before, kind, kind, outcome, outcome, limit)
                .query((rs, n) -> new ActivityEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }
}
