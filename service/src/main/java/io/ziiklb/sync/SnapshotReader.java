package io.ziiklb.sync;

import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.learningbank.LbUserFilter;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikException;
import io.ziiklb.ziik.ZiikNotFoundException;
import io.ziiklb.ziik.ZiikUser;
import io.ziiklb.ziik.ZiikUserSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/**
 * Reads what each side holds. Ziik's lists carry no email, language or memberships, so every user
 * is read one by one, {@code concurrency} at a time. Any read that fails fails the whole snapshot:
 * a user missing by accident would look deleted and be deactivated.
 */
public final class SnapshotReader {
    /** Tries of one user's reads on a transient Ziik failure (the client already waits out 429s). */
    private static final int READ_ATTEMPTS = 3;
    private final int concurrency;

    public SnapshotReader(int concurrency) {
        this.concurrency = concurrency;
    }

    /**
     * @param progress hears the number of users read so far, after {@code total} was set
     * @param total    hears how many users there are to read, once the lists are in
     */
    public ZiikSnapshot readZiik(ZiikClient ziik, IntConsumer total, IntConsumer progress) throws InterruptedException {
        var units = ziik.units();
        var roles = ziik.roles();
        List<ZiikUserSummary> rows = new ArrayList<>(ziik.activeUsers());
        rows.addAll(ziik.inactiveUsers());
        total.accept(rows.size());
        Map<Long, ZiikPerson> people = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(concurrency);
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> reads = new ArrayList<>(rows.size());
            for (ZiikUserSummary row : rows) {
                reads.add(pool.submit(() -> {
                    inFlight.acquire();
                    try {
                        readPerson(ziik, row.id()).ifPresent(person -> people.put(row.id(), person));
                        progress.accept(read.incrementAndGet());
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : reads) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        return new ZiikSnapshot(units, roles, people);
    }

    /** The user and its memberships; empty when it was deleted or anonymised since the list was read. */
    private static Optional<ZiikPerson> readPerson(ZiikClient ziik, long id) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<ZiikUser> user = ziik.user(id);
                return user.isEmpty() ? Optional.empty() : Optional.of(new ZiikPerson(user.get(), ziik.memberships(id)));
            } catch (ZiikNotFoundException goneMeanwhile) {
                return Optional.empty();
            } catch (ZiikException e) {
                if (!e.transientFailure() || attempt >= READ_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    public LbSnapshot readLearningbank(LearningbankClient lb) {
        return new LbSnapshot(lb.allDepartments(), lb.allPermissionTypes(), lb.allJobProfiles(),
                lb.allUsers(LbUserFilter.all()));
    }
}
