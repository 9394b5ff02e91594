package io.ziiklb;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.testing.ServiceProcess;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code serve} as an operator runs it (the packaged jar, in a process of its own): each start that
 * cannot go on prints one plain sentence on standard error saying what is wrong and how to fix it,
 * and exits non-zero; a missing or malformed key is found before the database is touched. And
 * key rotation: a start with {@code new,old} seals again what {@code old} sealed.
 */
class StartupIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private Path workDir;

    @BeforeEach
    void workDir(TestInfo test) throws Exception {
        workDir = Path.of("target", "startup-it", test.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID())
                .toAbsolutePath();
        Files.createDirectories(workDir);
    }

    /** The one sentence on standard error: a capital, a full stop, one line, and no stack trace. */
    private static String oneSentence(ServiceProcess.Exit exit) {
        assertThat(exit.status()).as("exit status; stdout:\n" + exit.out()).isNotZero();
        String err = exit.err().strip();
        assertThat(err.lines().toList()).as("standard error").hasSize(1);
        assertThat(err).matches("[A-Z].*\\.").doesNotContain("Exception").doesNotContain("\tat ");
        return err;
    }

    @Test
    void withoutAKeyItSaysSoAndCreatesNoDatabase() throws Exception {
        ServiceProcess.Exit exit = ServiceProcess.runUntilExit(Map.of("ZIIKLB_PORT", "0"), workDir, LIMIT);
        assertThat(oneSentence(exit)).startsWith("ZIIKLB_SECRET_KEY is not set").contains("head -c 32 /dev/urandom | base64");
        assertThat(workDir.resolve("data")).as("the default H2 file's directory").doesNotExist();
        assertThat(exit.out().lines().count()).as("little else said").isLessThanOrEqualTo(3);
    }

    @Test
    void aMalformedKeyIsNamedAndNeverQuotedAndNoDatabaseIsTouched() throws Exception {
        String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        ServiceProcess.Exit exit = ServiceProcess.runUntilExit(Map.of("ZIIKLB_PORT", "0", "ZIIKLB_SECRET_KEY", shortKey),
                workDir, LIMIT);
        assertThat(oneSentence(exit)).startsWith("ZIIKLB_SECRET_KEY is not a 256-bit key").doesNotContain(shortKey);
        assertThat(workDir.resolve("data")).doesNotExist();

        String good = SecretBox.newKey();
        ServiceProcess.Exit second = ServiceProcess.runUntilExit(Map.of("ZIIKLB_PORT", "0",
                "ZIIKLB_SECRET_KEY", good + ",not*base64"), workDir, LIMIT);
        assertThat(oneSentence(second)).startsWith("Key 2 of the 2 comma-separated keys in ZIIKLB_SECRET_KEY is not valid base64")
                .doesNotContain(good);
        assertThat(workDir.resolve("data")).doesNotExist();
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            ServiceProcess.Exit exit = ServiceProcess.runUntilExit(Map.of("ZIIKLB_PORT", Integer.toString(port),
                    "ZIIKLB_SECRET_KEY", SecretBox.newKey(), "ZIIKLB_DB_URL", h2Url("db")), workDir, LIMIT);
            assertThat(oneSentence(exit)).isEqualTo("Port " + port
                    + " is already in use: stop what listens there, or set ZIIKLB_PORT to a free port.");
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsParameters() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // free once closed: nothing answers there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/ziiklb";
        ServiceProcess.Exit exit = ServiceProcess.runUntilExit(Map.of("ZIIKLB_PORT", "0", "ZIIKLB_SECRET_KEY", SecretBox.newKey(),
                "ZIIKLB_DB_URL", url + "?password=hunter2", "ZIIKLB_DB_USER", "ziiklb", "ZIIKLB_DB_PASSWORD", "hunter3"),
                workDir, LIMIT);
        assertThat(oneSentence(exit)).startsWith("The service cannot reach its database at " + url + " (")
                .contains("ZIIKLB_DB_URL").doesNotContain("hunter2").doesNotContain("hunter3");
    }

    @Test
    void aKeyThatDoesNotOpenTheStoredCredentialsStopsTheStart() throws Exception {
        String url = h2Url("db");
        String integration = storeIntegration(url, SecretBox.newKey());
        ServiceProcess.Exit exit = ServiceProcess.runUntilExit(Map.of("ZIIKLB_PORT", "0", "ZIIKLB_SECRET_KEY", SecretBox.newKey(),
                "ZIIKLB_DB_URL", url), workDir, LIMIT);
        assertThat(oneSentence(exit)).startsWith("ZIIKLB_SECRET_KEY does not open the stored credentials of integration "
                + integration + ": start with the key they were sealed with");
    }

    @Test
    void startingWithANewKeyBeforeTheOldSealsEverythingAgainWithTheNew() throws Exception {
        String url = h2Url("db");
        String oldKey = SecretBox.newKey();
        String newKey = SecretBox.newKey();
        String integration = storeIntegration(url, oldKey);

        Map<String, String> environment = new HashMap<>(Map.of("ZIIKLB_SECRET_KEY", newKey + "," + oldKey, "ZIIKLB_DB_URL", url));
        try (ServiceProcess service = ServiceProcess.start(environment, List.of())) {
            service.kill(); // healthy, so the start, and the re-sealing before it, is over
        }

        try (HikariDataSource db = pool(url)) {
            IntegrationStore newAlone = new IntegrationStore(JdbcClient.create(db), SecretBox.fromBase64(newKey));
            assertThat(newAlone.secrets(integration).ziikPassword()).isEqualTo("ziik-password");
            assertThat(newAlone.secrets(integration).webhookSecret()).isEqualTo("webhook-secret");
        }
        // and the old key alone no longer opens them: the service says so, as for any wrong key
        ServiceProcess.Exit exit = ServiceProcess.runUntilExit(Map.of("ZIIKLB_PORT", "0", "ZIIKLB_SECRET_KEY", oldKey,
                "ZIIKLB_DB_URL", url), workDir, LIMIT);
        assertThat(oneSentence(exit)).contains("does not open the stored credentials of integration " + integration);
    }

    private String h2Url(String name) {
        return "jdbc:h2:file:" + workDir.resolve(name) + H2_OPTIONS;
    }

    /** An integration stored, as the service stores it, with its credentials sealed with {@code key}. */
    private static String storeIntegration(String url, String key) {
        try (HikariDataSource db = pool(url)) {
            Flyway.configure().dataSource(db).load().migrate();
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            new IntegrationStore(JdbcClient.create(db), SecretBox.fromBase64(key)).insert(new Integration(id, true,
                    "http://127.0.0.1:9/api", "admin@acme.test", "http://127.0.0.1:9/api/v1", "lb", IntegrationSettings.defaults(),
                    now, now), new IntegrationSecrets("ziik-password", null, "lb-password", "lb-token", "webhook-secret", "sso"));
            return id;
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(url);
        db.setUsername("sa");
        db.setPassword("");
        return db;
    }
}
