package io.ziiklb.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue as {@code /actuator/prometheus} shows it, over all integrations and instances:
 * {@code ziiklb_queue_pending}, {@code ziiklb_queue_dead_letters} and
 * {@code ziiklb_queue_oldest_pending_age_seconds}. The three come from one query, made at most once
 * per {@link #FRESH_FOR} however many gauges a scrape reads (and however many scrapers there are),
 * so scraping costs one aggregate over {@code work_item}, never a query per integration or item.
 * Per-integration figures are in each integration's status ({@code GET /integrations/{id}}).
 */
public final class QueueGauges {
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private WorkQueue.QueueStatus last;
    private Instant readAt = Instant.MIN;

    QueueGauges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Registers the three gauges; they read the database only when scraped. The registry holds
     * them strongly: a gauge holds its object weakly by default, and reads NaN once it is
     * collected, whether or not the caller kept what this returns.
     */
    public static QueueGauges register(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
        QueueGauges gauges = new QueueGauges(jdbc, clock);
        Gauge.builder("ziiklb.queue.pending", gauges, g -> g.current().pending()).strongReference(true)
                .description("Work items waiting or being worked on, all integrations").register(meters);
        Gauge.builder("ziiklb.queue.dead.letters", gauges, g -> g.current().dead()).strongReference(true)
                .description("Work items that failed every attempt and wait for a retry (POST .../queue/retry)")
                .register(meters);
        Gauge.builder("ziiklb.queue.oldest.pending.age", gauges, g -> g.current().oldestPendingSeconds()).strongReference(true)
                .baseUnit("seconds").description("How long the oldest pending work item has waited").register(meters);
        return gauges;
    }

    /** The totals, read again when older than {@link #FRESH_FOR}. */
    synchronized WorkQueue.QueueStatus current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(readAt.plus(FRESH_FOR))) {
            last = read(now);
            readAt = now;
        }
        return last;
    }

    private WorkQueue.QueueStatus read(Instant now) {
        return jdbc.sql("SELECT COUNT(CASE WHEN state <> 'dead' THEN 1 END), COUNT(CASE WHEN state = 'dead' THEN 1 END),"
                        + " MIN(CASE WHEN state <> 'dead' THEN enqueued_at END) FROM work_item")
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(3, OffsetDateTime.class);
                    return new WorkQueue.QueueStatus(rs.getInt(1), rs.getInt(2),
                            oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
                }).single();
    }
}
