package io.ziiklb.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the sweeps for changes Ziik does not announce keep per integration (tables
 * {@code sweep_seen} and {@code sweep_state}): the fingerprints of what they last saw of each
 * Ziik user, and their schedule and place. Claims are compare-and-set on the time last claimed,
 * so instances sharing one database never both queue the same sweep.
 */
public final class SweepStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public SweepStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * An integration's sweep schedule and place.
     *
     * @param listClaimedAt when a list sweep was last claimed (queued); null before the first
     * @param listSweptAt   when a list sweep last completed; null until the first (the baseline) has
     * @param deepSteppedAt when a deep step was last claimed; null before the first
     * @param deepCursor    the last Ziik user id the deep sweep read (0: at the start of a pass)
     * @param deepOwed      the Ziik calls the deep sweep may still spend (negative: overspent)
     */
    public record State(Instant listClaimedAt, Instant listSweptAt, Instant deepSteppedAt, long deepCursor, double deepOwed) {
        /** The state of an integration never swept. */
        public static final State NONE = new State(null, null, null, 0, 0);
    }

    /**
     * What the sweeps last saw of one user.
     *
     * @param listed      fingerprint of the user's list row
     * @param memberships fingerprint of the memberships, null until read
     */
    public record Seen(long listed, boolean active, Long memberships) {
    }

    /** How many users the sweeps know: active ones, of which {@code withMemberships} have memberships seen, and others. */
    public record Population(int active, int withMemberships, int inactive) {
    }

    /** Every integration's state, by id (integrations never swept have none). */
    public Map<String, State> states() {
        Map<String, State> states = new HashMap<>();
        jdbc.sql("SELECT integration_id, list_claimed_at, list_swept_at, deep_stepped_at, deep_cursor, deep_owed FROM sweep_state")
                .query((RowCallbackHandler) rs -> states.put(rs.getString(1), state(rs)));
        return states;
    }

    public State state(String integrationId) {
        return jdbc.sql("SELECT integration_id, list_claimed_at, list_swept_at, deep_stepped_at, deep_cursor, deep_owed"
                        + " FROM sweep_state WHERE integration_id = ?")
                .param(integrationId).query((rs, n) -> state(rs)).optional().orElse(State.NONE);
    }

    /**
     * Claims a list sweep: true for the one caller whose {@code previous} (the claim time it read,
     * null for none) was still the stored one; the claim time becomes {@code now}.
     */
    public boolean claimList(String integrationId, Instant previous, Instant now) {
        ensureState(integrationId);
        return claim("list_claimed_at", integrationId, previous, now);
    }

    /** Claims a deep step as {@link #claimList} claims a list sweep, earning {@code calls} more to spend (at most {@code cap} in all). */
    public boolean claimDeep(String integrationId, Instant previous, Instant now, double calls, double cap) {
        ensureState(integrationId);
        String sql = "UPDATE sweep_state SET deep_stepped_at = ?, deep_owed = LEAST(deep_owed + ?, ?) WHERE integration_id = ?"
                + " AND deep_stepped_at";
        double most = Math.max(cap, 0);
        JdbcClient.StatementSpec update = previous == null
                ? jdbc.sql(sql + " IS NULL").params(utc(now), calls, most, integrationId)
                : jdbc.sql(sql + " = ?").params(utc(now), calls, most, integrationId, utc(previous));
        return update.update() == 1;
    }

    private boolean claim(String column, String integrationId, Instant previous, Instant now) {
        String sql = "UPDATE sweep_state SET " + column + " = ? WHERE integration_id = ? AND " + column;
        JdbcClient.StatementSpec update = previous == null
                ? jdbc.sql(sql + " IS NULL").params(utc(now), integrationId)
                : jdbc.sql(sql + " = ?").params(utc(now), integrationId, utc(previous));
        return update.update() == 1;
    }

    private void ensureState(String integrationId) {
        if (jdbc.sql("SELECT COUNT(*) FROM sweep_state WHERE integration_id = ?").param(integrationId).query(Integer.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO sweep_state (integration_id, deep_cursor, deep_owed) VALUES (?, 0, 0)").param(integrationId).update();
        } catch (DuplicateKeyException anotherInstanceMadeIt) {
            // as good as ours
        }
    }

    /** A list sweep completed: from now on a row that differs from what it saw is a change. */
    public void listSwept(String integrationId, Instant at) {
        jdbc.sql("UPDATE sweep_state SET list_swept_at = ? WHERE integration_id = ?").params(utc(at), integrationId).update();
    }

    /** The deep sweep read up to {@code cursor} (0: starts again) and spent {@code calls}. */
    public void deepStepped(String integrationId, long cursor, double calls) {
        jdbc.sql("UPDATE sweep_state SET deep_cursor = ?, deep_owed = deep_owed - ? WHERE integration_id = ?")
                .params(cursor, calls, integrationId).update();
    }

    /** Charges calls spent outside the deep sweep's reads (the reconciles the sweeps queue) to its budget. */
    public void charge(String integrationId, double calls) {
        jdbc.sql("UPDATE sweep_state SET deep_owed = deep_owed - ? WHERE integration_id = ?").params(calls, integrationId).update();
    }

    /** Everything the sweeps saw of the integration's users, by Ziik user id. */
    public Map<Long, Seen> seen(String integrationId) {
        Map<Long, Seen> seen = new HashMap<>();
        jdbc.sql("SELECT ziik_user_id, listed, active, memberships FROM sweep_seen WHERE integration_id = ?").param(integrationId)
                .query((RowCallbackHandler) rs -> seen.put(rs.getLong(1), seen(rs)));
        return seen;
    }

    /** Stores list rows seen (a new row has no memberships seen; a known one keeps its memberships). */
    public void saveListed(String integrationId, Map<Long, Seen> rows) {
        List<Map.Entry<Long, Seen>> all = new ArrayList<>(rows.entrySet());
        int[] updated = template.batchUpdate("UPDATE sweep_seen SET listed = ?, active = ? WHERE integration_id = ? AND ziik_user_id = ?",
                all.stream().map(e -> new Object[] {e.getValue().listed(), e.getValue().active(), integrationId, e.getKey()}).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (updated[i] == 0) {
                Map.Entry<Long, Seen> e = all.get(i);
                inserts.add(new Object[] {integrationId, e.getKey(), e.getValue().listed(), e.getValue().active()});
            }
        }
        template.batchUpdate("INSERT INTO sweep_seen (integration_id, ziik_user_id, listed, active) VALUES (?, ?, ?, ?)", inserts);
    }

    /** Forgets users that are gone from Ziik's lists. */
    public void forget(String integrationId, Collection<Long> users) {
        template.batchUpdate("DELETE FROM sweep_seen WHERE integration_id = ? AND ziik_user_id = ?",
                users.stream().map(u -> new Object[] {integrationId, u}).toList());
    }

    /** Records the memberships read of users the list sweep knows (others are left alone: the list sweep adds them). */
    public void saveMemberships(String integrationId, Map<Long, Long> fingerprints) {
        // a row already holding the fingerprint is not written again: every live change of a user comes here
        String sql = "UPDATE sweep_seen SET memberships = ? WHERE integration_id = ? AND ziik_user_id = ?"
                + " AND (memberships IS NULL OR memberships <> ?)";
        if (fingerprints.size() == 1) { // one live change: a plain statement, no batch around it
            Map.Entry<Long, Long> only = fingerprints.entrySet().iterator().next();
            jdbc.sql(sql).params(only.getValue(), integrationId, only.getKey(), only.getValue()).update();
            return;
        }
        template.batchUpdate(sql, fingerprints.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), integrationId, e.getKey(), e.getValue()}).toList());
    }

    /** Up to {@code limit} active users after {@code cursor}, in id order, each with its memberships' fingerprint (or null). */
    public List<Map.Entry<Long, Optional<Long>>> activeAfter(String integrationId, long cursor, int limit) {
        return jdbc.sql("SELECT ziik_user_id, memberships FROM sweep_seen WHERE integration_id = ? AND active = TRUE"
                        + " AND ziik_user_id > ? ORDER BY ziik_user_id LIMIT ?")
                .params(integrationId, cursor, limit)
                .query((rs, n) -> Map.entry(rs.getLong(1), Optional.ofNullable(rs.getObject(2, Long.class)))).list();
    }

    public Population population(String integrationId) {
        return jdbc.sql("SELECT COUNT(CASE WHEN active THEN 1 END), COUNT(CASE WHEN active AND memberships IS NOT NULL THEN 1 END),"
                        + " COUNT(CASE WHEN NOT active THEN 1 END) FROM sweep_seen WHERE integration_id = ?")
                .param(integrationId).query((rs, n) -> new Population(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private static Seen seen(ResultSet rs) throws SQLException {
        return new Seen(rs.getLong(2), rs.getBoolean(3), rs.getObject(4, Long.class));
    }

    private static State state(ResultSet rs) throws SQLException {
        return new State(instant(rs, 2), instant(rs, 3), instant(rs, 4), rs.getLong(5), rs.getDouble(6));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Milliseconds only, so that a time read back equals the one written (both databases keep microseconds). */
    private static OffsetDateTime utc(Instant instant) {
        return IntegrationStore.utc(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
