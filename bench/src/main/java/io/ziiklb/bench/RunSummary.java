package io.ziiklb.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the instances recorded in the database over the soak: full synchronisations by how they
 * ended (the admin's, the periodic ones, and those taken over from a killed instance), and the work
 * the queue gave up on ("dead", which only a full synchronisation or a retry repairs).
 */
record RunSummary(JdbcClient jdbc, String integrationId) {

    void print(PrintStream out) {
        Map<String, Integer> runs = new TreeMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM sync_run WHERE integration_id = :id GROUP BY status")
                .param("id", integrationId).query((rs, row) -> runs.put(rs.getString("status"), rs.getInt("n"))).list();
        Map<String, Integer> work = new TreeMap<>();
        jdbc.sql("SELECT state, count(*) AS n FROM work_item GROUP BY state")
                .query((rs, row) -> work.put(rs.getString("state"), rs.getInt("n"))).list();
        out.printf("full synchronisations (the first, periodic ones every 5 min, the repairing and the further one): %s;"
                + " queue items left: %s%n", runs,
                work.isEmpty() ? "none" : work);
    }
}
