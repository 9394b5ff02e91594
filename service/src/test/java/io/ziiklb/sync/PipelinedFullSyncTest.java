package io.ziiklb.sync;

import static io.ziiklb.sync.InMemoryPeers.TOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ziiklb.learningbank.LbUserChange;
import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikReads;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import io.ziiklb.ziik.ZiikUser;
import io.ziiklb.ziik.ZiikUserSummary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * The full synchronisation applies while it reads (issue #14): a user is written while later users
 * are still being read, and what needs the whole picture (deactivations, deletions, the deletion
 * guard) waits for the end, so that a read that fails half way deactivates and deletes nothing.
 * Against both peers in memory; {@code FullSyncIT} and {@code ConvergenceIT} run it over HTTP.
 */
class PipelinedFullSyncTest {
    private final InMemoryPeers p = new InMemoryPeers();

    /** Reads Ziik one user at a time, so that the order of reads is known. */
    private FullSync.Result sync(ZiikReads ziik) throws InterruptedException {
        SyncContext context = p.context();
        SyncContext reading = new SyncContext(ziik, context.learningbank(), context.links(), context.policy(),
                context.timing(), context.gate());
        return new FullSync(reading, reading.reader(1, Pace.FULL_SPEED)).run(p.settings, (phase, done, total) -> { },
                p.listener());
    }

    private static ZiikUser person(long id) {
        return new ZiikUser(id, "P" + id, "Q", "p" + id + "@example.com", true, "da");
    }

    @Test
    void aUserIsWrittenWhileLaterUsersAreStillBeingRead() throws InterruptedException {
        p.ziik.user(person(100)).memberships(100, p.ziik.in(TOP));
        p.ziik.user(person(200)).memberships(200, p.ziik.in(TOP));
        boolean[] writtenBeforeTheLastRead = new boolean[1];
        AtomicInteger reads = new AtomicInteger();
        ZiikReads waitingForTheFirstWrite = new Reads(p.ziik, id -> {
            if (reads.incrementAndGet() == 2) { // the last user's read waits (up to 5 s) until the first user is in Learningbank
                writtenBeforeTheLastRead[0] = await(() -> !p.lb.writes().isEmpty());
            }
            return true;
        });

        sync(waitingForTheFirstWrite);

        assertThat(writtenBeforeTheLastRead[0]).as("the first user created before the last was read").isTrue();
        assertThat(p.lb.writes()).containsExactlyInAnyOrder("POST user p100@example.com", "POST user p200@example.com");
    }

    @Test
    void aReadFailingHalfWay_deactivatesAndDeletesNothing_whatWasWrittenStays() {
        String kitchen = p.linkedUnit(10, "Kitchen", TOP); // Kitchen is gone from Ziik below: its deletion waits for the end
        p.ziik.removeUnit(10);
        p.ziik.user(person(100)).memberships(100, p.ziik.in(TOP));
        p.ziik.user(person(200)).memberships(200, p.ziik.in(TOP));
        String leaver = p.lb.seedUser(new LbUserChange("ziik:300", "p300@example.com", "P300", "Q", true, "da",
                List.of(kitchen), List.of(), null));
        p.links.linkUser(300, leaver); // not in Ziik any more: deactivated only once every user is read
        AtomicInteger reads = new AtomicInteger();
        ZiikReads failingAtTheLast = new Reads(p.ziik, id -> {
            if (reads.incrementAndGet() == 2) {
                await(() -> !p.lb.writes().isEmpty());
                throw new IllegalStateException("Ziik keeps failing");
            }
            return true;
        });

        assertThatThrownBy(() -> sync(failingAtTheLast)).hasMessage("Ziik keeps failing");

        assertThat(p.lb.writes()).as("the first user read, nothing else").singleElement().asString().startsWith("POST user p");
        assertThat(p.lb.findUser(leaver).orElseThrow().active()).isTrue();
        assertThat(p.lb.department(kitchen)).isPresent();
    }

    @Test
    void theDeletionGuardCountsEveryDeactivation_beforeAnyRuns() throws InterruptedException {
        p.ziik.user(person(100)).memberships(100, p.ziik.in(TOP));
        for (long id = 300; id < 312; id++) { // 12 linked users gone from Ziik: beyond 20% and at least 10
            p.links.linkUser(id, p.lb.seedUser(new LbUserChange("ziik:" + id, "p" + id + "@example.com", "P" + id, "Q", true,
                    "da", List.of(p.lb.topDepartmentId()), List.of(), null)));
        }

        FullSync.Result result = sync(p.ziik);

        assertThat(result.plan().guardTripped()).isTrue();
        assertThat(result.plan().held()).hasSize(12);
        assertThat(p.lb.writes()).containsExactly("POST user p100@example.com");
        assertThat(p.lb.users()).filteredOn(u -> u.externalId().startsWith("ziik:3")).allMatch(u -> u.active());
    }

    @Test
    void aUserTakingTheEmailAnotherUserGivesUp_waitsForIt() throws InterruptedException {
        String ann = p.lb.seedUser(new LbUserChange("ziik:100", "shared@example.com", "Ann", "Q", true, "da",
                List.of(p.lb.topDepartmentId()), List.of(p.lb.defaultPermissionTypeId()), null));
        p.links.linkUser(100, ann);
        // Bob (read first) takes the email Ann (read second) gives up
        p.ziik.user(new ZiikUser(50, "Bob", "Q", "shared@example.com", true, "da")).memberships(50, p.ziik.in(TOP));
        p.ziik.user(new ZiikUser(100, "Ann", "Q", "ann@example.com", true, "da")).memberships(100, p.ziik.in(TOP));

        FullSync.Result result = sync(p.ziik);

        assertThat(result.report().problems()).isEmpty();
        assertThat(p.lb.writes()).containsExactly("PATCH user ann@example.com", "POST user shared@example.com");
    }

    private static boolean await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Ziik as {@code inner} has it; {@code beforeUser} runs before each user's read, and may hold it or fail it. */
    private record Reads(ZiikReads inner, LongPredicate beforeUser) implements ZiikReads {
        @Override
        public List<ZiikUnit> units() {
            return inner.units();
        }

        @Override
        public List<ZiikRole> roles() {
            return inner.roles();
        }

        @Override
        public List<ZiikUserSummary> activeUsers() {
            return inner.activeUsers();
        }

        @Override
        public List<ZiikUserSummary> inactiveUsers() {
            return inner.inactiveUsers();
        }

        @Override
        public Optional<ZiikUser> user(long id) {
            beforeUser.test(id);
            return inner.user(id);
        }

        @Override
        public List<ZiikMembership> memberships(long userId) {
            return inner.memberships(userId);
        }
    }
}
