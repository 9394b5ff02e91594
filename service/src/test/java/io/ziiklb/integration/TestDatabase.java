package io.ziiklb.integration;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrated database for one test class: H2 in memory (PostgreSQL mode, as {@code serve} runs it),
 * or a fresh schema on the machine's PostgreSQL ({@code ZIIKLB_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres}), dropped on close.
 */
public final class TestDatabase implements AutoCloseable {
    public enum Kind { H2, POSTGRES }

    private final HikariDataSource dataSource;
    private final String schema;

    private TestDatabase(HikariDataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    public static TestDatabase create(Kind kind) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (kind) {
            case H2 -> new TestDatabase(pool("jdbc:h2:mem:" + name + ";" + H2_OPTIONS, "sa", ""), null);
            case POSTGRES -> {
                String base = System.getenv().getOrDefault("ZIIKLB_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                try (HikariDataSource admin = pool(base, "postgres", "")) {
                    JdbcClient.create(admin).sql("CREATE SCHEMA " + name).update();
                }
                yield new TestDatabase(pool(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name, "postgres", ""), name);
            }
        };
    }

    /** The options {@code serve} uses for H2, minus the file. */
    public static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        ds.setMaximumPoolSize(10);
        return ds;
    }

    /** The JDBC URL, for a service started in another process on the same database. */
    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        if (schema != null) {
            jdbc().sql("DROP SCHEMA " + schema + " CASCADE").update();
        }
        dataSource.close();
    }
}
