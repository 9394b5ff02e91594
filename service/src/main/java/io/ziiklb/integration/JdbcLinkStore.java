package io.ziiklb.integration;

import io.ziiklb.sync.LinkStore;
import io.ziiklb.sync.Links;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One integration's links in the database. Each write is its own statement (durable on return,
 * unless the caller holds a transaction): a link is an insert, or an update when the object was
 * linked before, in SQL that PostgreSQL and H2 both run as written.
 */
public final class JdbcLinkStore implements LinkStore {
    private final JdbcClient jdbc;
    private final String integrationId;

    public JdbcLinkStore(JdbcClient jdbc, String integrationId) {
        this.jdbc = jdbc;
        this.integrationId = integrationId;
    }

    @Override
    public Optional<String> department(long unitId) {
        return jdbc.sql("SELECT department_id FROM unit_link WHERE integration_id = ? AND ziik_id = ?")
                .params(integrationId, unitId).query(String.class).optional();
    }

    @Override
    public void linkDepartment(long unitId, String departmentId) {
        upsert("unit_link", "department_id", unitId, departmentId, null);
        dropCreateIntent(unitId);
    }

    @Override
    public void intendDepartment(long unitId, String name) {
        dropCreateIntent(unitId);
        jdbc.sql("INSERT INTO department_intent (integration_id, ziik_id, name) VALUES (?, ?, ?)")
                .params(integrationId, unitId, name).update();
    }

    @Override
    public void dropCreateIntent(long unitId) {
        delete("department_intent", unitId);
    }

    @Override
    public void unlinkDepartment(long unitId) {
        delete("unit_link", unitId);
    }

    @Override
    public Map<Long, String> conflictPlacements() {
        return pairs("SELECT ziik_id, department_id FROM conflict_placement WHERE integration_id = ?");
    }

    @Override
    public void placeConflicted(long unitId, String departmentId) {
        upsert("conflict_placement", "department_id", unitId, departmentId, null);
    }

    @Override
    public void dropConflictPlacement(long unitId) {
        delete("conflict_placement", unitId);
    }

    @Override
    public Optional<Links.RoleLink> permissionType(long roleId) {
        return jdbc.sql("SELECT permission_type_id, adopted FROM role_link WHERE integration_id = ? AND ziik_id = ?")
                .params(integrationId, roleId)
                .query((rs, n) -> new Links.RoleLink(rs.getString(1), rs.getBoolean(2))).optional();
    }

    @Override
    public void linkPermissionType(long roleId, String permissionTypeId, boolean adopted) {
        upsert("role_link", "permission_type_id", roleId, permissionTypeId, adopted);
        dropTypeIntent(roleId);
    }

    @Override
    public void intendPermissionType(long roleId, String name) {
        dropTypeIntent(roleId);
        jdbc.sql("INSERT INTO role_intent (integration_id, ziik_id, name) VALUES (?, ?, ?)")
                .params(integrationId, roleId, name).update();
    }

    @Override
    public void dropTypeIntent(long roleId) {
        delete("role_intent", roleId);
    }

    @Override
    public void unlinkPermissionType(long roleId) {
        delete("role_link", roleId);
    }

    @Override
    public Optional<String> user(long ziikUserId) {
        return jdbc.sql("SELECT user_id FROM user_link WHERE integration_id = ? AND ziik_id = ?")
                .params(integrationId, ziikUserId).query(String.class).optional();
    }

    @Override
    public void linkUser(long ziikUserId, String userId) {
        upsert("user_link", "user_id", ziikUserId, userId, null);
    }

    @Override
    public void unlinkUser(long ziikUserId) {
        delete("user_link", ziikUserId);
    }

    @Override
    public Links snapshot() {
        Links unitsAndRoles = unitsAndRoles();
        return new Links(unitsAndRoles.units(), unitsAndRoles.roles(),
                pairs("SELECT ziik_id, user_id FROM user_link WHERE integration_id = ?"), unitsAndRoles.createIntents(),
                unitsAndRoles.typeIntents());
    }

    @Override
    public Optional<Long> userLinkedTo(String userId) {
        return jdbc.sql("SELECT ziik_id FROM user_link WHERE integration_id = ? AND user_id = ?")
                .params(integrationId, userId).query(Long.class).optional();
    }

    /**
     * The unit and role links and the intents, in one query (every live change of a user reads
     * them, so one round trip to the database instead of four).
     */
    @Override
    public Links unitsAndRoles() {
        Map<Long, String> units = new java.util.HashMap<>();
        Map<Long, Links.RoleLink> roles = new java.util.HashMap<>();
        Map<Long, String> createIntents = new java.util.HashMap<>();
        Map<Long, String> typeIntents = new java.util.HashMap<>();
        jdbc.sql("SELECT 'u', ziik_id, department_id, CAST(NULL AS BOOLEAN) FROM unit_link WHERE integration_id = :id"
                        + " UNION ALL SELECT 'r', ziik_id, permission_type_id, adopted FROM role_link WHERE integration_id = :id"
                        + " UNION ALL SELECT 'd', ziik_id, name, CAST(NULL AS BOOLEAN) FROM department_intent WHERE integration_id = :id"
                        + " UNION ALL SELECT 't', ziik_id, name, CAST(NULL AS BOOLEAN) FROM role_intent WHERE integration_id = :id")
                .param("id", integrationId)
                .query(rs -> {
                    long ziikId = rs.getLong(2);
                    String value = rs.getString(3);
                    switch (rs.getString(1)) {
                        case "u" -> units.put(ziikId, value);
                        case "r" -> roles.put(ziikId, new Links.RoleLink(value, rs.getBoolean(4)));
                        case "d" -> createIntents.put(ziikId, value);
                        default -> typeIntents.put(ziikId, value);
                    }
                });
        return new Links(units, roles, Map.of(), createIntents, typeIntents);
    }

    /** How many links of each kind: for the status API. */
    public Map<String, Integer> counts() {
        return Map.of(
                "departments", count("unit_link"),
                "permissionTypes", count("role_link"),
                "users", count("user_link"));
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE integration_id = ?")
                .param(integrationId).query(Integer.class).single();
    }

    private Map<Long, String> pairs(String sql) {
        return jdbc.sql(sql).param(integrationId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Inserts the link, or updates it when the Ziik object has one already. Nearly every link is
     * new (a full sync stores one per object it creates), so the insert comes first: one plain
     * statement, where a {@code MERGE} also joins a derived table against the links (a third of
     * the database's work for each new link, on H2). A link that exists fails the insert on the
     * primary key and takes the update; one deleted in between is inserted again.
     */
    private void upsert(String table, String idColumn, long ziikId, String learningbankId, Boolean adopted) {
        try {
            insertLink(table, idColumn, ziikId, learningbankId, adopted);
        } catch (DuplicateKeyException linkedBefore) {
            var update = jdbc.sql("UPDATE " + table + " SET " + idColumn + " = ?" + (adopted == null ? "" : ", adopted = ?")
                    + " WHERE integration_id = ? AND ziik_id = ?").param(learningbankId);
            if (adopted != null) {
                update = update.param(adopted);
            }
            if (update.param(integrationId).param(ziikId).update() == 0) {
                insertLink(table, idColumn, ziikId, learningbankId, adopted);
            }
        }
    }

    private void insertLink(String table, String idColumn, long ziikId, String learningbankId, Boolean adopted) {
        var insert = jdbc.sql("INSERT INTO " + table + " (integration_id, ziik_id, " + idColumn
                        + (adopted == null ? ") VALUES (?, ?, ?)" : ", adopted) VALUES (?, ?, ?, ?)"))
                .param(integrationId).param(ziikId).param(learningbankId);
        if (adopted != null) {
            insert = insert.param(adopted);
        }
        insert.update();
    }

    private void delete(String table, long ziikId) {
        jdbc.sql("DELETE FROM " + table + " WHERE integration_id = ? AND ziik_id = ?").params(integrationId, ziikId).update();
    }
}
