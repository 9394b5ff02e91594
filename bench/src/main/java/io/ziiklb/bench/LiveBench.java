package io.ziiklb.bench;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.simulator.ChildJvm;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikUserSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Change latency: the service (its packaged jar, in a JVM of its own, H2 file database) against
 * the two simulators; after the first synchronisation, user email changes are made in Ziik at a
 * steady rate and each is timed from the change until Learningbank holds it. The Learningbank
 * simulator runs in this JVM so that one checker can watch its state every 2 ms without loading
 * its API; timing includes Ziik's delivery, so it bounds "delivery received → Learningbank
 * updated" from above.
 */
final class LiveBench {
    private final Path home;
    private final int users;
    private final long latencyMillis;
    private final int perSecond;
    private final int seconds;

    LiveBench(Path home, int users, long latencyMillis, int perSecond, int seconds) {
        this.home = home;
        this.users = users;
        this.latencyMillis = latencyMillis;
        this.perSecond = perSecond;
        this.seconds = seconds;
    }

    void run(PrintStream out) throws Exception {
        out.printf("live bench: %,d users, Learningbank latency %d ms, %d changes/s for %d s%n", users, latencyMillis,
                perSecond, seconds);
        try (LiveWorld world = new LiveWorld(home, users, latencyMillis, false)) {
            ChildJvm ziik = world.ziik;
            LearningbankSimulator lb = world.learningbank;
            out.println("first synchronisation done; changing users...");

            ZiikClient ziikClient = new PeerClients(PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                    PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC(), Sleeper.SYSTEM)
                    .ziik(ziik.origin() + "/api", "integration@ziik.test", "ziik-secret");
            List<ZiikUserSummary> people = ziikClient.activeUsers();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<String, long[]> pending = new ConcurrentHashMap<>(); // email -> {ziik id, changed at}
            Thread checker = Thread.ofVirtual().start(() -> watch(lb.state(), pending, latencies));
            int total = perSecond * seconds;
            long intervalNanos = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int n = 0; n < total; n++) {
                    long due = start + n * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    ZiikUserSummary person = people.get(1 + n % (people.size() - 1));
                    String email = "bench." + n + "." + person.id() + "@example.com";
                    pool.submit(() -> {
                        pending.put(email, new long[] {person.id(), System.nanoTime()});
                        LiveWorld.call("PATCH", ziik.origin() + "/_sim/users/" + person.id(), Map.of("email", email));
                        return null;
                    });
                }
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            checker.interrupt();
            int lost = pending.size();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            out.printf("%nchanges %d, arrived %d, not arrived within 30 s after the last %d%n", total, sorted.size(), lost);
            out.printf("latency change in Ziik -> Learningbank shows it: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (target p99 < 500 ms)%n",
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.getLast());
            out.printf("(a newer change to the same user that arrives first counts for the older one too)%n");
        }
    }

    /** Every 2 ms: which pending changes does Learningbank hold now? A newer change to the same user counts for the older too. */
    private static void watch(LearningbankState state, Map<String, long[]> pending, List<Long> latencies) {
        while (!Thread.currentThread().isInterrupted()) {
            for (Map.Entry<String, long[]> change : pending.entrySet()) {
                long ziikId = change.getValue()[0];
                boolean arrived = state.findUserByExternalId("ziik:" + ziikId)
                        .map(u -> u.email().equals(change.getKey()) || newer(u.email(), change.getKey())).orElse(false);
                if (arrived && pending.remove(change.getKey()) != null) {
                    latencies.add((System.nanoTime() - change.getValue()[1]) / 1_000_000);
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Emails are "bench.<n>.<id>@...": a higher n was made later. */
    static boolean newer(String current, String expected) {
        try {
            return current.startsWith("bench.") && Integer.parseInt(current.split("\\.")[1]) > Integer.parseInt(expected.split("\\.")[1]);
        } catch (RuntimeException notOurs) {
            return false;
        }
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

}
