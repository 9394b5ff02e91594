package io.ziiklb.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationSecrets;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.SyncRun;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A delivery that cannot be queued because the database is away gets 503, so that Ziik delivers it
 * again, never a 2xx with the hint lost: whether the receiver still knows the integration from a
 * moment ago (then queueing fails) or must read it (then reading fails). The database is taken
 * away for real, by closing the service's own connection pool, so this context is not reused.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webhook-database-down;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "spring.datasource.hikari.connection-timeout=1000",
})
class WebhookDatabaseDownIT {
    private static final String SECRET = "webhook-secret-of-the-database-down-test";
    private static final String USER = "{\"content_type\":\"user\",\"id\":7}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    IntegrationStore integrations;

    @Autowired
    SyncRunStore runs;

    @Autowired
    DataSource dataSource;

    @Test
    void aDeliveryThatCannotBeQueuedIsAnswered503() throws Exception {
        String known = insert(true);
        String unread = insert(false);
        assertThat(deliver(known).statusCode()).as("queued while the database is there").isEqualTo(202);

        ((HikariDataSource) dataSource).close();

        HttpResponse<String> queueingFails = deliver(known);
        WebhookRefusalsIT.assertError(queueingFails.statusCode(), queueingFails.body(), 503, "unavailable");
        HttpResponse<String> readingFails = deliver(unread);
        WebhookRefusalsIT.assertError(readingFails.statusCode(), readingFails.body(), 503, "unavailable");
        HttpResponse<String> unknown = deliver(UUID.randomUUID().toString());
        assertThat(unknown.statusCode()).as("cannot tell an unknown integration without the database").isEqualTo(503);
    }

    /** An integration, synchronised once when {@code synchronised} (so that its hints are queued, not dropped). */
    private String insert(boolean synchronised) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        integrations.insert(new Integration(id, true, "http://127.0.0.1:9/api", "admin@acme.test",
                "http://127.0.0.1:9/api/v1", "lb", IntegrationSettings.defaults(), now, now),
                new IntegrationSecrets("pw", null, "lbpw", "lbtoken", SECRET, "sso"));
        if (synchronised) {
            runs.insert(new SyncRun(UUID.randomUUID().toString(), id, "done", "done", 0, 0, SyncRun.Counts.zero(), 0, null,
                    now, now));
        }
        return id;
    }

    private HttpResponse<String> deliver(String integrationId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/ziik/" + integrationId + "/"
                                + SECRET + "?event=user.update"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(USER)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
