package io.ziiklb.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Integrations in the database; secrets sealed with the {@link SecretBox}, bound to the integration's id. */
public final class IntegrationStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, enabled, ziik_base_url, ziik_username, learningbank_base_url,"
            + " learningbank_username, settings, created_at, updated_at";

    private final JdbcClient jdbc;
    private final SecretBox box;
    /** Each integration's secrets as last opened, with the sealed text they came from: opened again only when it changes. */
    private final java.util.concurrent.ConcurrentHashMap<String, Opened> opened = new java.util.concurrent.ConcurrentHashMap<>();

    private record Opened(String sealed, IntegrationSecrets secrets) {
    }

    public IntegrationStore(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    public void insert(Integration i, IntegrationSecrets secrets) {
        jdbc.sql("INSERT INTO integration (" + COLUMNS + ", secrets) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(i.id(), i.enabled(), i.ziikBaseUrl(), i.ziikUsername(), i.learningbankBaseUrl(),
                        i.learningbankUsername(), JSON.writeValueAsString(i.settings()), utc(i.createdAt()),
                        utc(i.updatedAt()), seal(i.id(), secrets))
                .update();
    }

    /** Saves everything but the secrets. */
    public void update(Integration i) {
        jdbc.sql("UPDATE integration SET enabled = ?, ziik_base_url = ?, ziik_username = ?, learningbank_base_url = ?,"
                        + " learningbank_username = ?, settings = ?, updated_at = ? WHERE id = ?")
                .params(i.enabled(), i.ziikBaseUrl(), i.ziikUsername(), i.learningbankBaseUrl(),
                        i.learningbankUsername(), JSON.writeValueAsString(i.settings()), utc(i.updatedAt()), i.id())
                .update();
    }

    /** Why and since when an integration cannot work. */
    public record Failing(String reason, java.time.Instant since) {
    }

    /** Records that the integration cannot work now; keeps the first "since" of a run of failures. */
    public void markFailing(String id, String reason, java.time.Instant at) {
        jdbc.sql("UPDATE integration SET failing_reason = ?, failing_since = COALESCE(failing_since, ?) WHERE id = ?")
                .params(reason, utc(at), id).update();
    }

    /** The integration works again. */
    public void clearFailing(String id) {
        jdbc.sql("UPDATE integration SET failing_reason = NULL, failing_since = NULL WHERE id = ? AND failing_reason IS NOT NULL")
                .param(id).update();
    }

    public Optional<Failing> failing(String id) {
        return jdbc.sql("SELECT failing_reason, failing_since FROM integration WHERE id = ? AND failing_reason IS NOT NULL")
                .param(id).query((rs, n) -> new Failing(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Remembers that the integration was disabled now. */
    public void markDisabled(String id, java.time.Instant at) {
        jdbc.sql("UPDATE integration SET disabled_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    /** When the integration was last disabled, if ever. */
    public Optional<java.time.Instant> disabledAt(String id) {
        return jdbc.sql("SELECT disabled_at FROM integration WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .optional().flatMap(o -> o);
    }

    public void updateSecrets(String id, IntegrationSecrets secrets) {
        jdbc.sql("UPDATE integration SET secrets = ? WHERE id = ?").params(seal(id, secrets), id).update();
    }

    public Optional<Integration> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE id = ?").param(id).query(this::row).optional();
    }

    public List<Integration> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration ORDER BY created_at, id").query(this::row).list();
    }

    public IntegrationSecrets secrets(String id) {
        return open(id, jdbc.sql("SELECT secrets FROM integration WHERE id = ?").param(id).query(String.class).single());
    }

    /**
     * The integration as a piece of work needs it, in one read: the row, whether it is failing, and
     * its secrets still sealed ({@link Connections#openForWork(ForWork)} opens them, only when they
     * changed since this instance last did: every live change reads them).
     */
    public Optional<ForWork> findForWork(String id) {
        return jdbc.sql("SELECT " + COLUMNS + ", failing_reason, failing_since, secrets FROM integration WHERE id = ?").param(id)
                .query((rs, n) -> new ForWork(row(rs, n), failing(rs), rs.getString("secrets"))).optional();
    }

    /** An integration with what work needs of it beside the row: see {@link #findForWork}. */
    public record ForWork(Integration integration, Optional<Failing> failing, String sealedSecrets) {
        @Override
        public String toString() { // the sealed text is no secret without the key, but nothing prints it
            return "ForWork[" + integration.id() + "]";
        }
    }

    /** @throws SecretBox.CannotOpen when this instance's keys do not open them */
    IntegrationSecrets open(ForWork work) {
        return open(work.integration().id(), work.sealedSecrets());
    }

    private IntegrationSecrets open(String id, String sealed) {
        Opened last = opened.get(id);
        if (last != null && last.sealed().equals(sealed)) {
            return last.secrets();
        }
        IntegrationSecrets secrets = JSON.readValue(box.open(id, sealed), IntegrationSecrets.class);
        opened.put(id, new Opened(sealed, secrets));
        return secrets;
    }

    private static Optional<Failing> failing(ResultSet rs) throws SQLException {
        String reason = rs.getString("failing_reason");
        return reason == null ? Optional.empty()
                : Optional.of(new Failing(reason, rs.getObject("failing_since", OffsetDateTime.class).toInstant()));
    }

    /** Removes the integration and, by cascade, its links, runs, activity and problems. */
    public boolean delete(String id) {
        opened.remove(id);
        return jdbc.sql("DELETE FROM integration WHERE id = ?").param(id).update() > 0;
    }

    private String seal(String id, IntegrationSecrets secrets) {
        return box.seal(id, JSON.writeValueAsString(secrets));
    }

    private Integration row(ResultSet rs, int n) throws SQLException {
        return new Integration(rs.getString("id"), rs.getBoolean("enabled"), rs.getString("ziik_base_url"),
                rs.getString("ziik_username"), rs.getString("learningbank_base_url"), rs.getString("learningbank_username"),
                settings(rs.getString("settings")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** A setting added after a row was written reads as its default. */
    private static IntegrationSettings settings(String json) {
        return JSON.readValue(json, SettingsPatch.class).applyTo(IntegrationSettings.defaults());
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
