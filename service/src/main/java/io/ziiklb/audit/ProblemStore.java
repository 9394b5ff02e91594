package io.ziiklb.audit;

import io.ziiklb.sync.ObjectKind;
import io.ziiklb.sync.Problem;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The problems an admin should see now: each full synchronisation replaces the whole set; a live
 * reconcile replaces those of the objects it looked at.
 */
public final class ProblemStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ProblemStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void replace(String integrationId, Collection<Problem> problems, Instant at) {
        jdbc.sql("DELETE FROM problem WHERE integration_id = ?").param(integrationId).update();
        insert(integrationId, problems, at);
    }

    /** Replaces the problems of every object of one kind; {@code problems} of other kinds are ignored. */
    public void replaceKind(String integrationId, ObjectKind kind, Collection<Problem> problems, Instant at) {
        jdbc.sql("DELETE FROM problem WHERE integration_id = ? AND kind = ?").params(integrationId, kind.name()).update();
        insert(integrationId, problems.stream().filter(p -> p.kind() == kind).toList(), at);
    }

    /** Replaces the problems of some objects of one kind; {@code problems} of other objects are ignored. */
    public void replaceFor(String integrationId, ObjectKind kind, Collection<Long> ziikIds, Collection<Problem> problems,
                           Instant at) {
        if (ziikIds.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM problem WHERE integration_id = :integration AND kind = :kind AND ziik_id IN (:ids)")
                .param("integration", integrationId).param("kind", kind.name()).param("ids", List.copyOf(ziikIds)).update();
        insert(integrationId, problems.stream().filter(p -> p.kind() == kind && ziikIds.contains(p.ziikId())).toList(), at);
    }

    private void insert(String integrationId, Collection<Problem> problems, Instant at) {
        Map<String, Problem> unique = new LinkedHashMap<>();
        problems.forEach(p -> unique.putIfAbsent(p.kind() + "/" + p.ziikId() + "/" + p.code(), p));
        template.batchUpdate("INSERT INTO problem (integration_id, kind, ziik_id, code, message, at) VALUES (?,?,?,?,?,?)",
                List.copyOf(unique.values()), 500, (ps, p) -> {
                    ps.setString(1, integrationId);
                    ps.setString(2, p.kind().name());
                    ps.setLong(3, p.ziikId());
                    ps.setString(4, p.code());
                    ps.setString(5, p.message());
                    ps.setObject(6, at.atOffset(ZoneOffset.UTC));
                });
    }

    public List<Problem> list(String integrationId, int limit) {
        return jdbc.sql("SELECT kind, ziik_id, code, message FROM problem WHERE integration_id = ? ORDER BY kind, ziik_id, code LIMIT ?")
                .params(integrationId, limit)
                .query((rs, n) -> new Problem(ObjectKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
