package io.ziiklb.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code everySeconds}, SIGKILLs one instance, alternating, and starts it again at once on
 * the same port and database. The first kill comes half a period in, so that the last one falls
 * inside the changes, not on their end; the other instance carries the work meanwhile, and takes over what
 * the killed one held when its leases expire.
 */
final class Killer {
    private final List<ServiceInstance> instances;
    private final int everySeconds;
    private final PrintStream out;
    private final List<Duration> restarts = new ArrayList<>();
    private boolean stopping; // guarded by this
    private volatile Instant lastKill;
    private volatile int kills;
    private Instant start;
    private Thread thread;

    Killer(List<ServiceInstance> instances, int everySeconds, PrintStream out) {
        this.instances = instances;
        this.everySeconds = everySeconds;
        this.out = out;
    }

    void start(Instant at) {
        start = at;
        thread = Thread.ofPlatform().name("soak-killer").start(this::run);
    }

    /** Stops killing; an instance being restarted is let finish starting. */
    void stop() throws InterruptedException {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        thread.join();
    }

    int kills() {
        return kills;
    }

    /** When the last SIGKILL was sent; null when none was. */
    Instant lastKill() {
        return lastKill;
    }

    private void run() {
        for (int n = 0; awaitTurn(start.plusMillis(everySeconds * 1000L * (2 * n + 1) / 2)); n++) {
            ServiceInstance victim = instances.get(n % instances.size());
            try {
                victim.kill();
                lastKill = Instant.now();
                kills++;
                Duration took = victim.start();
                synchronized (restarts) {
                    restarts.add(took);
                }
                out.printf("  [%5.1f min] SIGKILL to %s; healthy again after %.1f s%n",
                        Duration.between(start, lastKill).toMillis() / 60_000.0, victim.name(), took.toMillis() / 1000.0);
            } catch (Exception e) {
                out.println("  could not restart " + victim.name() + ": " + e);
                return;
            }
        }
    }

    /** Waits until {@code due}; false when stopped first. Not an interrupt: a restart under way is let finish. */
    private synchronized boolean awaitTurn(Instant due) {
        try {
            for (long left = Duration.between(Instant.now(), due).toMillis(); !stopping && left > 0;
                    left = Duration.between(Instant.now(), due).toMillis()) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping;
    }

    void print(PrintStream out) {
        synchronized (restarts) {
            out.printf("kills: %d SIGKILLs (Process.destroyForcibly), each instance restarted at once; back to healthy in"
                    + " %.1f s on average, %.1f s at most%n", kills,
                    restarts.stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000.0,
                    restarts.stream().mapToLong(Duration::toMillis).max().orElse(0) / 1000.0);
        }
    }
}
