package io.ziiklb.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The worker against a real (H2) queue, with real threads and short leases. */
class QueueWorkerTest {
    private final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
    private final WorkQueue queue = new WorkQueue(db.jdbc(), new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()),
            new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), Clock.systemUTC());
    private final QueueSignal signal = new QueueSignal();
    private final Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
    private QueueWorker worker;

    @BeforeEach
    void integration() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.jdbc().sql("INSERT INTO integration (id, enabled, ziik_base_url, ziik_username, learningbank_base_url,"
                        + " learningbank_username, secrets, settings, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params("int", true, "http://z", "a", "http://lb", "l", "v1:x", "{}", now, now).update();
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        db.close();
    }

    private void start(WorkHandler handler, RetryPolicy retries) {
        worker = new QueueWorker(queue, Map.of(WorkKind.USER, handler), new WorkerPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(1)),
                new Retries(retries, new Random(1)), signal, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        worker.start();
    }

    private WorkHandler counting() {
        return item -> handled.computeIfAbsent(item.ziikId(), k -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void everyItemIsHandledOnceAndLeavesTheQueue() {
        start(counting(), RetryPolicy.defaults());
        for (int i = 1; i <= 40; i++) {
            queue.enqueue("int", WorkKind.USER, i, null);
            signal.nudge();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.status("int").pending() == 0);
        assertThat(handled).hasSize(40).allSatisfy((id, count) -> assertThat(count).hasValue(1));
    }

    @Test
    void anItemWhoseWorkerDiedIsTakenOverWhenItsLeaseExpires() {
        queue.enqueue("int", WorkKind.USER, 7, null);
        assertThat(queue.claim("a-worker-that-dies", 1, Duration.ofMillis(500))).hasSize(1);
        start(counting(), RetryPolicy.defaults());
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.containsKey(7L));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.status("int").pending() == 0);
    }

    @Test
    void failingWorkIsRetriedThenParkedAsADeadLetter() {
        AtomicInteger attempts = new AtomicInteger();
        start(item -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("Learningbank answered 500");
        }, new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)));
        queue.enqueue("int", WorkKind.USER, 9, null);
        signal.nudge();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.status("int").dead() == 1);
        assertThat(attempts).hasValue(3);
        assertThat(queue.status("int").pending()).isZero();
    }

    @Test
    void workThatMustWaitForItsPeerIsNeverADeadLetter() {
        AtomicInteger attempts = new AtomicInteger();
        start(item -> {
            if (attempts.incrementAndGet() <= 5) { // more attempts than the policy allows failures
                throw new RetryLater("Ziik is rate limiting GET /users/9", Duration.ofMillis(30));
            }
        }, new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(30)));
        queue.enqueue("int", WorkKind.USER, 9, null);
        signal.nudge();
        await("each retry after the peer's wait (30 ms), not the policy's backoff (30 s)").atMost(Duration.ofSeconds(10))
                .until(() -> queue.status("int").pending() == 0);
        assertThat(attempts).hasValue(6);
        assertThat(queue.status("int").dead()).isZero();
    }

    @Test
    void aHintDuringWorkRunsTheItemAgain() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch hinted = new CountDownLatch(1);
        start(item -> {
            handled.computeIfAbsent(item.ziikId(), k -> new AtomicInteger()).incrementAndGet();
            working.countDown();
            hinted.await();
        }, RetryPolicy.defaults());
        queue.enqueue("int", WorkKind.USER, 3, null);
        signal.nudge();
        working.await();
        queue.enqueue("int", WorkKind.USER, 3, null); // the user changed again while being reconciled
        hinted.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.status("int").pending() == 0);
        assertThat(handled.get(3L)).hasValue(2);
    }

    @Test
    void aBurstOfBackgroundWorkLeavesWorkersForChanges() throws Exception {
        WorkQueue withBackground = new WorkQueue(db.jdbc(), new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), Clock.systemUTC(),
                java.util.Set.of(WorkKind.ROLES));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger polling = new AtomicInteger();
        WorkHandler slowPoll = item -> {
            polling.incrementAndGet();
            release.await();
        };
        worker = new QueueWorker(withBackground, Map.of(WorkKind.ROLES, slowPoll, WorkKind.USER, counting()),
                new WorkerPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(5)), new Retries(RetryPolicy.defaults(), new Random(1)), signal,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        for (int i = 0; i < 10; i++) { // more role polls than workers, each of another integration
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            db.jdbc().sql("INSERT INTO integration (id, enabled, ziik_base_url, ziik_username, learningbank_base_url,"
                            + " learningbank_username, secrets, settings, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                    .params("poll-" + i, true, "http://z", "a", "http://lb", "l", "v1:x", "{}", now, now).update();
            withBackground.enqueue("poll-" + i, WorkKind.ROLES, 0, null);
        }
        try {
            worker.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> polling.get() == 4);
            withBackground.hint("int", WorkKind.USER, 7);
            signal.nudge();
            await("the change runs while the polls hold their workers").atMost(Duration.ofSeconds(5))
                    .until(() -> handled.containsKey(7L));
            assertThat(polling.get()).as("polls in work at once: the 4 workers, not the 2 kept for changes").isEqualTo(4);
        } finally {
            release.countDown();
        }
    }

    @Test
    void theWaitBeforeAClaimIsMeasuredByTheQueuesClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        WorkQueue onClock = new WorkQueue(db.jdbc(), new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), clock);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        worker = new QueueWorker(onClock, Map.of(WorkKind.USER, counting()),
                new WorkerPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(1)), new Retries(RetryPolicy.defaults(), new Random(1)), signal,
                meters);
        onClock.enqueue("int", WorkKind.USER, 7, null); // due at 09:00 by the queue's clock
        clock.advance(Duration.ofMinutes(7));
        worker.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.containsKey(7L));

        Timer waited = meters.get("ziiklb.queue.wait").tag("kind", WorkKind.USER.wireName()).timer();
        assertThat(waited.count()).isEqualTo(1);
        assertThat(waited.totalTime(TimeUnit.SECONDS)).as("09:07 less 09:00, whatever the wall clock says").isEqualTo(420.0);
    }
}
