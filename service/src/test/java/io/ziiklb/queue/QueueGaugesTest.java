package io.ziiklb.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The queue's gauges: totals over every integration, from one query per scrape. */
class QueueGaugesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private TestDatabase db;
    private WorkQueue queue;

    @BeforeEach
    void open() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
        queue = new WorkQueue(db.jdbc(), new JdbcTemplate(db.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pendingDeadLettersAndOldestAgeOverAllIntegrations() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        QueueGauges.register(meters, db.jdbc(), clock);
        assertThat(value(meters, "ziiklb.queue.pending")).isZero();
        assertThat(value(meters, "ziiklb.queue.oldest.pending.age")).isZero();

        String a = integration("a");
        String b = integration("b");
        queue.hint(a, WorkKind.USER, 1);
        clock.advance(Duration.ofSeconds(30));
        queue.hint(a, WorkKind.USER, 2);
        queue.hint(b, WorkKind.UNITS, 3);
        queue.hint(b, WorkKind.USER, 4);
        WorkItem dead = queue.claim("w", 10, Duration.ofMinutes(1)).stream().filter(i -> i.ziikId() == 4).findFirst().orElseThrow();
        queue.fail(dead, "w", "refused", Duration.ZERO, true);
        clock.advance(Duration.ofSeconds(12));

        assertThat(value(meters, "ziiklb.queue.pending")).as("waiting or leased, both integrations").isEqualTo(3);
        assertThat(value(meters, "ziiklb.queue.dead.letters")).isEqualTo(1);
        assertThat(value(meters, "ziiklb.queue.oldest.pending.age")).as("the first hint, 42 s ago").isEqualTo(42);
        assertThat(meters.get("ziiklb.queue.oldest.pending.age").gauge().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void aScrapeOfAllThreeGaugesIsOneQuery() {
        AtomicInteger queries = new AtomicInteger();
        // outside a transaction, each statement of a JdbcClient takes a connection of its own
        var counted = new org.springframework.jdbc.datasource.DelegatingDataSource(db.dataSource()) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                queries.incrementAndGet();
                return super.getConnection();
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        QueueGauges.register(meters, org.springframework.jdbc.core.simple.JdbcClient.create(counted), clock);
        queue.hint(integration("a"), WorkKind.USER, 1);

        scrape(meters);
        assertThat(queries).as("one aggregate for the three").hasValue(1);
        clock.advance(Duration.ofMillis(500));
        scrape(meters);
        assertThat(queries).as("a second scrape within a second reads nothing").hasValue(1);
        assertThat(value(meters, "ziiklb.queue.pending")).isEqualTo(1);

        queue.hint(integration("b"), WorkKind.USER, 2);
        clock.advance(QueueGauges.FRESH_FOR);
        assertThat(value(meters, "ziiklb.queue.pending")).as("read again once stale").isEqualTo(2);
        assertThat(queries).hasValue(2);
    }

    private static void scrape(SimpleMeterRegistry meters) {
        meters.getMeters().forEach(m -> m.measure().forEach(ms -> ms.getValue()));
    }

    private static double value(SimpleMeterRegistry meters, String name) {
        return meters.get(name).gauge().value();
    }

    private String integration(String name) {
        String id = name + "-" + System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.jdbc().sql("INSERT INTO integration (id, enabled, ziik_base_url, ziik_username, learningbank_base_url,"
                        + " learningbank_username, secrets, settings, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(id, true, "http://z", "a", "http://lb", "l", "v1:x", "{}", now, now).update();
        return id;
    }
}
