package io.ziiklb.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claimed rows of {@code work_item}, turned into items. A row whose kind no {@link WorkKind} has
 * (written by another version of the service, or by hand) is parked as a dead letter at once,
 * saying why: no handler could ever work it, and it must not pass for work of another kind.
 */
final class ClaimedRows {
    /** The columns {@link #read} reads, for the queries that claim rows. */
    static final String COLUMNS = "id, integration_id, kind, ziik_id, payload, generation, attempts, enqueued_at, not_before";

    /** A claimed row as stored: its kind still the stored string. */
    record Row(long id, String integrationId, String kind, long ziikId, String payload, int generation,
               int attempts, Instant enqueuedAt, Instant dueAt) {
        /** The row as its lease left it: one attempt more. */
        Row leased() {
            return new Row(id, integrationId, kind, ziikId, payload, generation, attempts + 1, enqueuedAt, dueAt);
        }
    }

    private ClaimedRows() {
    }

    static Row read(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("integration_id"), rs.getString("kind"), rs.getLong("ziik_id"),
                rs.getString("payload"), rs.getInt("generation"), rs.getInt("attempts"),
                rs.getObject("enqueued_at", OffsetDateTime.class).toInstant(),
                rs.getObject("not_before", OffsetDateTime.class).toInstant());
    }

    /** The rows {@code worker} just leased, as items; those of an unknown kind become dead letters instead. */
    static List<WorkItem> workable(JdbcClient jdbc, String worker, List<Row> rows) {
        List<WorkItem> items = new ArrayList<>();
        for (Row r : rows) {
            Optional<WorkKind> kind = WorkKind.fromWireName(r.kind());
            if (kind.isEmpty()) {
                jdbc.sql("UPDATE work_item SET state = 'dead', last_error = ?, leased_by = NULL, lease_until = NULL"
                                + " WHERE id = ? AND leased_by = ?")
                        .params("unknown work kind \"" + r.kind() + "\": no handler can work it", r.id(), worker).update();
                continue;
            }
            items.add(new WorkItem(r.id(), r.integrationId(), kind.get(), r.ziikId(), r.payload(), r.generation(),
                    r.attempts(), r.enqueuedAt(), r.dueAt()));
        }
        return items;
    }
}
