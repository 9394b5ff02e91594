package io.ziiklb.bench;

import io.ziiklb.simulator.ziik.OrganisationView;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.sync.SoakOrganisation;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's random Ziik changes at a steady rate, made in the simulator's organisation (so that Ziik
 * fires its webhooks as for any change), on one thread, each one classified by what it did.
 */
final class SoakChanges {
    private final ZiikOrganisation ziik;
    private final SoakOrganisation organisation;
    private final long intervalNanos;
    private final ChangeKinds kinds = new ChangeKinds();
    private final AtomicInteger made = new AtomicInteger();
    private volatile boolean stopping;
    private volatile RuntimeException failure;
    private Thread thread;

    SoakChanges(ZiikOrganisation ziik, SoakOrganisation organisation, double perSecond) {
        this.ziik = ziik;
        this.organisation = organisation;
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    void start() {
        thread = Thread.ofPlatform().name("soak-changes").start(this::run);
    }

    /** Stops after the change under way. */
    void stop() throws InterruptedException {
        stopping = true;
        thread.join();
        if (failure != null) {
            throw new IllegalStateException("the changes stopped early", failure);
        }
    }

    int made() {
        return made.get();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            for (long n = 0; !stopping; n++) {
                long wait = start + n * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                OrganisationView before = ziik.view();
                organisation.changeOnce();
                synchronized (kinds) {
                    kinds.count(before, ziik.view());
                }
                made.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    void print(PrintStream out) {
        synchronized (kinds) {
            out.printf("changes made: %,d (%,d of them with no effect, %,d of those refused by Ziik)%n", kinds.total(),
                    kinds.counts().getOrDefault(ChangeKinds.NO_EFFECT, 0), organisation.refused());
            StringBuilder line = new StringBuilder("  ");
            kinds.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
                if (line.length() > 90) {
                    out.println(line.toString().stripTrailing());
                    line.setLength(0);
                    line.append("  ");
                }
                line.append(e.getKey()).append(' ').append(e.getValue()).append(", ");
            });
            out.println(line.substring(0, Math.max(2, line.length() - 2)));
        }
    }
}
