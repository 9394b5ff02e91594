package io.ziiklb.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database for one soak ({@code soak_<timestamp>}) on the machine's PostgreSQL
 * (127.0.0.1:5432, user {@code postgres}, trust authentication), dropped at the end. The bench
 * itself only reads it, to hand the links and recorded problems to the oracle.
 */
final class SoakDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String name;
    /** A connection per query: the bench reads a few times, at the end */
    private final DriverManagerDataSource reader;

    private SoakDatabase(String name) {
        this.name = name;
        reader = new DriverManagerDataSource(url(), "postgres", "");
    }

    static SoakDatabase create() throws SQLException {
        String name = "soak_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        admin("CREATE DATABASE " + name);
        return new SoakDatabase(name);
    }

    String name() {
        return name;
    }

    String url() {
        return SERVER + name;
    }

    JdbcClient jdbc() {
        return JdbcClient.create(reader);
    }

    javax.sql.DataSource dataSource() {
        return reader;
    }

    private static void admin(String sql) throws SQLException {
        try (var c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }

    /** Drops the database; {@code WITH (FORCE)} ends the connections a killed instance may have left. */
    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
