package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A full synchronisation's reads narrow while changes are under way, and widen again after. */
class PacedLimitTest {
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    private void task(CountDownLatch inside, CountDownLatch release) throws InterruptedException {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
        } finally {
            running.decrementAndGet();
        }
    }

    private List<Future<?>> start(ExecutorService pool, PacedLimit limit, int tasks, CountDownLatch inside,
                                  CountDownLatch release) {
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            started.add(pool.submit(() -> {
                limit.run(() -> task(inside, release));
                return null;
            }));
        }
        return started;
    }

    @Test
    void runsWideWhileNobodyWaits() throws Exception {
        PacedLimit limit = new PacedLimit(16, 2, Pace.FULL_SPEED);
        CountDownLatch sixteenInside = new CountDownLatch(16);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = start(pool, limit, 40, sixteenInside, release);
            assertThat(sixteenInside.await(10, TimeUnit.SECONDS)).as("16 at once").isTrue();
            release.countDown();
            for (Future<?> task : tasks) {
                task.get();
            }
        }
        assertThat(mostAtOnce).hasValue(16);
    }

    /**
     * While others wait, 2 run and the other 14 that hold a wide place keep looking at the pace. The
     * negative check ("no third task started") waits for a quiet period counted in events, not in
     * time: until each of those 14 has looked at the pace at least twice, i.e. has been turned away
     * from a narrow place at least once.
     */
    @Test
    void narrowsWhileOthersWaitAndWidensAgainAfter() throws Exception {
        AtomicBoolean othersWaiting = new AtomicBoolean(true);
        Map<Thread, AtomicInteger> looks = new ConcurrentHashMap<>();
        Pace countingPace = () -> {
            looks.computeIfAbsent(Thread.currentThread(), t -> new AtomicInteger()).incrementAndGet();
            return othersWaiting.get();
        };
        PacedLimit limit = new PacedLimit(16, 2, countingPace);
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = start(pool, limit, 40, twoInside, release);
            assertThat(twoInside.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> looks.size() == 16
                    && looks.values().stream().filter(n -> n.get() >= 2).count() >= 14);
            assertThat(mostAtOnce).as("giving way: 2 at once").hasValue(2);
            assertThat(running).hasValue(2);

            othersWaiting.set(false); // those waiting for one of the 2 places go wide at once
            await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 16);
            release.countDown();
            for (Future<?> task : tasks) {
                task.get();
            }
        }
        assertThat(mostAtOnce).hasValue(16);
        assertThat(running).hasValue(0);
    }
}
