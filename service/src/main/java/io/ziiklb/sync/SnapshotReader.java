package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LbPage;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.learningbank.LearningbankApi;
import io.ziiklb.learningbank.LbUserFilter;
import io.ziiklb.ziik.ZiikReads;
import io.ziiklb.ziik.ZiikNotFoundException;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import io.ziiklb.ziik.ZiikUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * Reads what each side holds. Ziik's lists carry no email, language or memberships, so every user
 * is read one by one, {@code concurrency} at a time. A Learningbank list is read page by page, as
 * many pages at a time as Learningbank calls may be in flight. Reads that fail transiently are
 * retried (a list page by page); one that keeps failing fails the whole snapshot: a user missing by
 * accident would look deleted and be deactivated.
 */
public final class SnapshotReader {
    /** Ziik users read at once while {@link Pace#othersWaiting()}. */
    static final int GIVING_WAY = 2;
    /** Tells a reader of Ziik's users that the lists are done. */
    private static final long NO_MORE = -1;

    private final int concurrency;
    private final int pagesInFlight;
    private final Retrier retrier;
    private final Pace pace;

    /**
     * @param concurrency Ziik users read at once
     * @param policy      retries of reads that fail transiently
     */
    public SnapshotReader(int concurrency, ExecutionPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this(concurrency, policy, sleeper, random, Pace.FULL_SPEED);
    }

    /** @param pace when the users' reads narrow to {@value #GIVING_WAY} in flight, to give way to changes */
    public SnapshotReader(int concurrency, ExecutionPolicy policy, Sleeper sleeper, RandomGenerator random, Pace pace) {
        this.concurrency = concurrency;
        this.pagesInFlight = policy.concurrency();
        this.retrier = new Retrier(policy, sleeper, random);
        this.pace = pace;
    }

    /**
     * @param progress hears the number of users read so far, after {@code total} was set
     * @param total    hears how many users there are to read, once the lists are in
     */
    public ZiikSnapshot readZiik(ZiikReads ziik, IntConsumer total, IntConsumer progress) throws InterruptedException {
        var units = readUnits(ziik);
        var roles = readRoles(ziik);
        Map<Long, ZiikPerson> people = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        readZiikUsers(ziik, total, person -> people.put(person.id(), person), () -> progress.accept(read.incrementAndGet()));
        return new ZiikSnapshot(units, roles, people);
    }

    /**
     * Reads every Ziik user that is not anonymised, active or not, and hands each to {@code each}
     * as soon as it is in (from the reading threads, {@code concurrency} at a time). Users are read
     * as their page of Ziik's lists comes in, while the next pages are read.
     *
     * @param total   hears how many users there are to read, once the lists are in
     * @param oneRead hears of each user read, found or gone meanwhile
     * @throws RuntimeException when a read keeps failing (a user missing by accident would look
     *                          deleted), or what {@code each} threw
     */
    public void readZiikUsers(ZiikReads ziik, IntConsumer total, Consumer<ZiikPerson> each, Runnable oneRead)
            throws InterruptedException {
        PacedLimit inFlight = new PacedLimit(concurrency, GIVING_WAY, pace);
        BlockingQueue<Long> listed = new LinkedBlockingQueue<>(); // read by a fixed set of readers, not a thread per user
        Set<Long> seen = new HashSet<>(); // a list read again after a failure hands its first pages again
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> readers = new ArrayList<>(concurrency);
            for (int i = 0; i < concurrency; i++) {
                readers.add(pool.submit(() -> {
                    for (long id = listed.take(); id != NO_MORE; id = listed.take()) {
                        long user = id;
                        inFlight.run(() -> readPerson(ziik, user).ifPresent(each));
                        oneRead.run();
                    }
                    return null;
                }));
            }
            try {
                retrier.read(() -> {
                    ziik.allUsers(rows -> rows.stream().filter(row -> seen.add(row.id())).forEach(row -> listed.add(row.id())));
                    return null;
                });
            } catch (RuntimeException | InterruptedException e) {
                pool.shutdownNow();
                throw e;
            }
            total.accept(seen.size());
            readers.forEach(r -> listed.add(NO_MORE));
            for (Future<?> reader : readers) {
                await(reader, pool);
            }
        }
    }

    /** The user and its memberships; empty when it is deleted or anonymised. */
    Optional<ZiikPerson> readPerson(ZiikReads ziik, long id) throws InterruptedException {
        try {
            Optional<ZiikUser> user = retrier.read(() -> ziik.user(id));
            return user.isEmpty() ? Optional.empty() : Optional.of(new ZiikPerson(user.get(), retrier.read(() -> ziik.memberships(id))));
        } catch (ZiikNotFoundException goneMeanwhile) {
            return Optional.empty();
        }
    }

    /** Every page of each list, each page retried on its own when it fails transiently. */
    public LbSnapshot readLearningbank(LearningbankApi lb) throws InterruptedException {
        return new LbSnapshot(readDepartments(lb), readPermissionTypes(lb), readJobProfiles(lb),
                readUsers(lb));
    }

    /** Learningbank's departments, every page. */
    public List<LbDepartment> readDepartments(LearningbankApi lb) throws InterruptedException {
        return all(page -> lb.departmentsPage(page, LearningbankApi.MAX_PAGE));
    }

    /** Every Learningbank user, page by page. */
    List<LbUser> readUsers(LearningbankApi lb) throws InterruptedException {
        return all(page -> lb.usersPage(LbUserFilter.all(), page, LearningbankApi.MAX_PAGE));
    }

    /** The Learningbank users in one department, every page. */
    List<LbUser> readUsersIn(LearningbankApi lb, String departmentId) throws InterruptedException {
        LbUserFilter filter = new LbUserFilter(null, null, departmentId, null);
        return all(page -> lb.usersPage(filter, page, LearningbankApi.MAX_PAGE));
    }

    /** Learningbank's job profiles, every page. */
    public List<LbJobProfile> readJobProfiles(LearningbankApi lb) throws InterruptedException {
        return all(page -> lb.jobProfilesPage(page, LearningbankApi.MAX_PAGE));
    }

    /** Ziik's unit tree, retried when the read fails transiently. */
    public List<ZiikUnit> readUnits(ZiikReads ziik) throws InterruptedException {
        return retrier.read(ziik::units);
    }

    /** Ziik's roles ({@code usertypes?all=1}), retried when the read fails transiently. */
    public List<ZiikRole> readRoles(ZiikReads ziik) throws InterruptedException {
        return retrier.read(ziik::roles);
    }

    /** Learningbank's permission types, every page. */
    public List<LbPermissionType> readPermissionTypes(LearningbankApi lb) throws InterruptedException {
        return all(page -> lb.permissionTypesPage(page, LearningbankApi.MAX_PAGE));
    }

    /**
     * Every page of a list: the first, then the others it announces, {@code pagesInFlight} at a
     * time, then any that appeared meanwhile, one by one.
     */
    private <T> List<T> all(java.util.function.IntFunction<LbPage<T>> pages) throws InterruptedException {
        LbPage<T> page = retrier.read(() -> pages.apply(1));
        List<T> items = new ArrayList<>(page.data());
        if (page.last() || page.data().isEmpty()) {
            return items;
        }
        for (LbPage<T> next : pagesAtOnce(2, page.lastPage(), pages)) {
            items.addAll(next.data());
            page = next;
        }
        for (int number = page.page() + 1; !page.last() && !page.data().isEmpty(); number++) {
            int n = number;
            page = retrier.read(() -> pages.apply(n));
            items.addAll(page.data());
        }
        return items;
    }

    /** Pages {@code from} to {@code to}, in order, read {@code pagesInFlight} at a time. */
    private <T> List<LbPage<T>> pagesAtOnce(int from, int to, java.util.function.IntFunction<LbPage<T>> pages)
            throws InterruptedException {
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(pagesInFlight);
        List<Future<LbPage<T>>> reads = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int number = from; number <= to; number++) {
                int n = number;
                reads.add(pool.submit(() -> {
                    inFlight.acquire();
                    try {
                        return retrier.read(() -> pages.apply(n));
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<LbPage<T>> read = new ArrayList<>(reads.size());
            for (Future<LbPage<T>> f : reads) {
                read.add(await(f, pool));
            }
            return read;
        }
    }

    /** The read's result; when it failed, or the wait is interrupted, the other reads are stopped. */
    private static <T> T await(Future<T> read, ExecutorService pool) throws InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        }
    }
}
