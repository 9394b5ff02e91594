package io.ziiklb.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the work queue must do on every database; run against H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkQueueContract {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    TestDatabase db;
    private WorkQueue queue;
    private String integration;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void open() {
        db = TestDatabase.create(kind());
        queue = new WorkQueue(db.jdbc(), new JdbcTemplate(db.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), clock);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void emptyQueue() {
        db.jdbc().sql("DELETE FROM work_item").update();
        newIntegration();
    }

    void newIntegration() {
        integration = "int-" + System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.jdbc().sql("INSERT INTO integration (id, enabled, ziik_base_url, ziik_username, learningbank_base_url,"
                        + " learningbank_username, secrets, settings, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(integration, true, "http://z", "a", "http://lb", "l", "v1:x", "{}", now, now).update();
    }

    private List<WorkItem> mine(List<WorkItem> claimed) {
        return claimed.stream().filter(i -> i.integrationId().equals(integration)).toList();
    }

    @Test
    void aBurstAboutOneObjectIsOneItem() {
        for (int i = 0; i < 50; i++) {
            assertThat(queue.enqueue(integration, WorkKind.USER, 7, "first")).isEqualTo("first");
        }
        queue.enqueue(integration, WorkKind.USER, 8, null);
        assertThat(queue.status(integration).pending()).isEqualTo(2);
        List<WorkItem> claimed = mine(queue.claim("w1", 10, LEASE));
        assertThat(claimed).extracting(WorkItem::ziikId).containsExactly(7L, 8L);
        assertThat(claimed.getFirst().generation()).isEqualTo(49);
        assertThat(claimed.getFirst().payload()).isEqualTo("first");
    }

    @Test
    void aLeasedItemIsNobodyElsesUntilItsLeaseExpires() {
        queue.enqueue(integration, WorkKind.USER, 7, null);
        WorkItem item = mine(queue.claim("w1", 10, LEASE)).getFirst();
        assertThat(mine(queue.claim("w2", 10, LEASE))).isEmpty();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(queue.renew(item, "w1", LEASE)).isTrue();
        clock.advance(LEASE.plusSeconds(1)); // w1 died: its lease runs out
        WorkItem taken = mine(queue.claim("w2", 10, LEASE)).getFirst();
        assertThat(taken.attempts()).isEqualTo(2);
        assertThat(queue.renew(item, "w1", LEASE)).as("w1 no longer holds it").isFalse();
        queue.complete(item, "w1"); // too late: changes nothing
        assertThat(queue.status(integration).pending()).isEqualTo(1);
        queue.complete(taken, "w2");
        assertThat(queue.status(integration).pending()).isZero();
    }

    @Test
    void aHintDuringWorkMakesTheItemRunAgain() {
        queue.enqueue(integration, WorkKind.USER, 7, null);
        WorkItem item = mine(queue.claim("w1", 10, LEASE)).getFirst();
        queue.enqueue(integration, WorkKind.USER, 7, null); // the object changed again while being worked on
        queue.complete(item, "w1");
        WorkItem again = mine(queue.claim("w1", 10, LEASE)).getFirst();
        assertThat(again.attempts()).isEqualTo(1);
        queue.complete(again, "w1");
        assertThat(queue.status(integration).pending()).isZero();
    }

    @Test
    void failuresBackOffThenBecomeDeadLettersThatCanBeRetried() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(1));
        queue.enqueue(integration, WorkKind.UNITS, 5, null);
        for (int attempt = 1; attempt <= 3; attempt++) {
            WorkItem item = mine(queue.claim("w1", 10, LEASE)).getFirst();
            assertThat(item.attempts()).isEqualTo(attempt);
            Duration wait = policy.backoff(item.attempts(), new Random(1));
            queue.fail(item, "w1", "Learningbank answered 500", wait, policy.exhausted(item.attempts()));
            assertThat(mine(queue.claim("w1", 10, LEASE))).as("not before its backoff").isEmpty();
            clock.advance(wait.plusSeconds(1));
        }
        assertThat(mine(queue.claim("w1", 10, LEASE))).as("dead").isEmpty();
        assertThat(queue.status(integration)).isEqualTo(new WorkQueue.QueueStatus(0, 1, 0));
        assertThat(queue.retryDead(integration)).isEqualTo(1);
        assertThat(mine(queue.claim("w1", 10, LEASE))).singleElement().satisfies(i -> assertThat(i.attempts()).isEqualTo(1));
    }

    @Test
    void aNewHintRevivesADeadLetter() {
        queue.enqueue(integration, WorkKind.UNITS, 5, null);
        WorkItem item = mine(queue.claim("w1", 10, LEASE)).getFirst();
        queue.fail(item, "w1", "refused", Duration.ofHours(1), true);
        queue.enqueue(integration, WorkKind.UNITS, 5, null);
        assertThat(mine(queue.claim("w1", 10, LEASE))).hasSize(1);
    }

    @Test
    void statusShowsPendingAndTheOldestWait() {
        queue.enqueue(integration, WorkKind.USER, 1, null);
        clock.advance(Duration.ofSeconds(40));
        queue.enqueue(integration, WorkKind.USER, 2, null);
        assertThat(queue.status(integration)).isEqualTo(new WorkQueue.QueueStatus(2, 0, 40));
        assertThat(queue.queued(integration, WorkKind.USER, 2)).isPresent();
        assertThat(queue.queued(integration, WorkKind.USER, 3)).isEmpty();
    }

    @Test
    void concurrentWorkersClaimEachItemExactlyOnce() throws Exception {
        for (int i = 1; i <= 300; i++) {
            queue.enqueue(integration, WorkKind.USER, i, null);
        }
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(6)) {
            for (int w = 0; w < 6; w++) {
                String worker = "w" + w;
                workers.submit(() -> {
                    List<WorkItem> batch;
                    while (!(batch = queue.claim(worker, 7, LEASE)).isEmpty()) {
                        for (WorkItem item : batch) {
                            if (item.integrationId().equals(integration) && !seen.add(item.ziikId())) {
                                duplicates.incrementAndGet();
                            }
                            queue.complete(item, worker);
                        }
                    }
                    return null;
                });
            }
        }
        assertThat(duplicates).hasValue(0);
        assertThat(seen).hasSize(300);
        assertThat(queue.status(integration).pending()).isZero();
    }

    @Test
    void concurrentEnqueuesOfOneKeyCoalesce() throws Exception {
        try (ExecutorService hints = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                hints.submit(() -> queue.enqueue(integration, WorkKind.USER, 42, null));
            }
        }
        assertThat(queue.status(integration).pending()).isEqualTo(1);
        assertThat(mine(queue.claim("w1", 10, LEASE)).getFirst().generation()).isEqualTo(199);
    }

    @Test
    void aBatchOfHintsCoalescesLikeOneByOne() {
        queue.enqueue(integration, WorkKind.USER, 1, null);
        queue.hints(List.of(new WorkQueue.Key(integration, WorkKind.USER, 1), new WorkQueue.Key(integration, WorkKind.USER, 2),
                new WorkQueue.Key(integration, WorkKind.USER, 2), new WorkQueue.Key(integration, WorkKind.USER, 3)));
        assertThat(queue.status(integration).pending()).isEqualTo(3);
        List<WorkItem> claimed = new java.util.ArrayList<>(mine(queue.claim("w1", 10, LEASE)));
        claimed.addAll(mine(queue.claim("w1", 10, LEASE))); // at most two of one integration per claim
        assertThat(claimed).extracting(WorkItem::ziikId, WorkItem::generation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1), org.assertj.core.groups.Tuple.tuple(2L, 0),
                        org.assertj.core.groups.Tuple.tuple(3L, 0));
    }

    @Test
    void theHintWriterGroupsConcurrentHintsAndFailsOnlyTheBadOnes() throws Exception {
        AtomicInteger failed = new AtomicInteger();
        try (HintWriter writer = new HintWriter(queue); ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 400; i++) {
                int n = i;
                callers.submit(() -> {
                    try {
                        writer.hint(n % 50 == 0 ? "no-such-integration" : integration, WorkKind.USER, n % 120);
                    } catch (RuntimeException refused) {
                        failed.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        assertThat(failed).hasValue(8); // the hints for an integration that does not exist
        assertThat(queue.status(integration).pending()).isEqualTo(120); // every id 0-119 had a good hint too
    }

    @Test
    void oneIntegrationsBacklogDoesNotKeepAnothersItemWaiting() {
        String busy = integration;
        for (int i = 0; i < 50; i++) {
            queue.enqueue(busy, WorkKind.USER, i, null);
        }
        newIntegration();
        String quiet = integration;
        clock.advance(Duration.ofSeconds(5));
        queue.enqueue(quiet, WorkKind.USER, 1, null);

        List<WorkItem> first = queue.claim("w1", 3, LEASE);
        assertThat(first).extracting(WorkItem::integrationId).containsExactly(busy, busy, quiet);
        queue.claim("w2", 4, LEASE); // the busy one only: six in flight
        newIntegration();
        String other = integration;
        queue.enqueue(other, WorkKind.USER, 1, null);
        assertThat(queue.claim("w3", 1, LEASE)).as("with six in flight, another integration's item comes first")
                .extracting(WorkItem::integrationId).containsExactly(other);
        assertThat(queue.claim("w4", 1, LEASE)).as("with nobody else waiting, the busy one gets more")
                .extracting(WorkItem::integrationId).containsExactly(busy);
    }

    @Test
    void changesAreClaimedBeforeABurstOfBackgroundWork() {
        WorkQueue withBackground = new WorkQueue(db.jdbc(), new JdbcTemplate(db.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), clock, Set.of(WorkKind.FULL_SYNC, WorkKind.ROLES));
        List<String> polled = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) { // a role poll for each of many integrations, all due at once
            newIntegration();
            polled.add(integration);
            withBackground.enqueue(integration, WorkKind.ROLES, 0, null);
        }
        withBackground.enqueue(integration, WorkKind.FULL_SYNC, 0, "{}");
        newIntegration();
        clock.advance(Duration.ofSeconds(5));
        withBackground.hint(integration, WorkKind.USER, 1);

        assertThat(withBackground.claim("w1", 1, LEASE)).as("the change waited least but comes first")
                .extracting(WorkItem::kind, WorkItem::integrationId).containsExactly(org.assertj.core.groups.Tuple.tuple(WorkKind.USER, integration));
        assertThat(withBackground.claim("w1", 3, LEASE)).as("then background work, oldest first")
                .extracting(WorkItem::integrationId).containsExactlyElementsOf(polled.subList(0, 3));
        assertThat(queue.claim("w2", 1, LEASE)).as("a queue without background kinds: oldest first")
                .extracting(WorkItem::integrationId).containsExactly(polled.get(3));

        withBackground.hint(integration, WorkKind.USER, 2);
        assertThat(withBackground.claim("w3", 5, LEASE, 1)).as("at most one background item, the change besides")
                .extracting(WorkItem::kind).containsExactly(WorkKind.USER, WorkKind.ROLES);

        withBackground.hint(integration, WorkKind.USER, 3);
        assertThat(withBackground.claim("w3", 5, LEASE)).as("while changes keep coming, background work once a second")
                .extracting(WorkItem::kind).containsExactly(WorkKind.USER);
        clock.advance(Duration.ofSeconds(1));
        withBackground.hint(integration, WorkKind.USER, 4);
        assertThat(withBackground.claim("w3", 2, LEASE)).as("a second later, background work beside the change again")
                .extracting(WorkItem::kind).containsExactly(WorkKind.USER, WorkKind.ROLES);
        assertThat(withBackground.claim("w3", 2, LEASE)).as("no change due: background work at once")
                .extracting(WorkItem::kind).containsExactly(WorkKind.ROLES, WorkKind.ROLES);
    }

    @Test
    void anUnknownKindReadFromTheDatabaseIsADeadLetterNotWorkOfAnotherKind() {
        queue.enqueue(integration, WorkKind.USER, 7, null);
        db.jdbc().sql("UPDATE work_item SET kind = 'usr' WHERE integration_id = ?").param(integration).update();
        queue.enqueue(integration, WorkKind.USER, 8, null);

        assertThat(mine(queue.claim("w1", 5, LEASE))).as("only the item of a known kind is handed out")
                .extracting(WorkItem::kind, WorkItem::ziikId).containsExactly(org.assertj.core.groups.Tuple.tuple(WorkKind.USER, 8L));
        assertThat(db.jdbc().sql("SELECT state, last_error FROM work_item WHERE integration_id = ? AND kind = 'usr'")
                .param(integration).query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).list())
                .containsExactly("dead: unknown work kind \"usr\": no handler can work it");
        assertThat(queue.status(integration)).isEqualTo(new WorkQueue.QueueStatus(1, 1, 0));
    }
}
