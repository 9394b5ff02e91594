package io.ziiklb.bench;

import io.ziiklb.simulator.learningbank.LearningbankState;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./ziiklb bench soak}: two service instances on one PostgreSQL database, both simulators
 * with their faults, random Ziik changes at a steady rate delivered by webhook through a proxy that
 * alternates between the instances, and one instance SIGKILLed and restarted every
 * {@code killEverySeconds} (alternating). At the end the changes and faults stop, the live path is
 * let drain, one full synchronisation repairs what dropped deliveries missed (as the periodic one
 * does in production), and Learningbank is judged by the convergence tests' oracle and counted for
 * duplicates. Exits non-zero when anything was duplicated or lost.
 */
final class SoakBench {
    private final Path home;
    private final int minutes;
    private final int users;
    private final double perSecond;
    private final long seed;
    private final int killEverySeconds;
    private final int leaseSeconds;

    SoakBench(Path home, int minutes, int users, double perSecond, long seed, int killEverySeconds, int leaseSeconds) {
        this.home = home;
        this.minutes = minutes;
        this.users = users;
        this.perSecond = perSecond;
        this.seed = seed;
        this.killEverySeconds = killEverySeconds;
        this.leaseSeconds = leaseSeconds;
    }

    /** @return whether the soak passed: nothing duplicated, nothing lost */
    boolean run(PrintStream out) throws Exception {
        out.printf("soak: %d min, %.1f Ziik changes/s, %,d generated users plus the random organisation, seed %d;"
                        + " a SIGKILL every %d s (alternating), queue leases of %d s%n",
                minutes, perSecond, users, seed, killEverySeconds, leaseSeconds);
        out.printf("machine: %d cores, load average %.2f at the start (shared: other work may run beside the soak)%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (SoakWorld world = new SoakWorld(home, users, seed, leaseSeconds)) {
            out.printf("database %s; instances a %s and b %s; webhooks through %s%n", world.database.name(),
                    world.instances.get(0).origin(), world.instances.get(1).origin(), world.proxy.origin());
            FaultWeather weather = new FaultWeather(world.ziik, world.learningbank, seed);
            weather.calm();
            LearningbankState.Snapshot original = world.learningbank.state().snapshot();
            world.createIntegration();
            Instant began = Instant.now();
            String first = world.fullSync(Duration.ofMinutes(10));
            world.organisation.synchronised();
            out.printf("first full synchronisation %s in %.1f s: %,d Learningbank users%n", first,
                    Duration.between(began, Instant.now()).toMillis() / 1000.0, world.learningbank.state().users().size());
            if (!first.equals("done")) {
                throw new IllegalStateException("the first full synchronisation ended " + first);
            }
            LearningbankState.Snapshot beforeChanges = world.learningbank.state().snapshot();

            SoakChanges changes = new SoakChanges(world.ziik.organisation(), world.organisation, perSecond);
            Killer killer = new Killer(world.instances, killEverySeconds, out);
            Instant start = Instant.now();
            changes.start();
            killer.start(start);
            Thread weatherThread = Thread.ofPlatform().daemon().name("soak-weather").start(() -> everyPeriod(weather));
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(Duration.ofMinutes(1));
                out.printf("[%2d min] %,d changes, %d kills, %,d Learningbank users, %d queued%n", minute, changes.made(),
                        killer.kills(), world.learningbank.state().users().size(), world.pendingWork());
            }
            changes.stop();
            Instant changesStopped = Instant.now();
            killer.stop();
            weatherThread.interrupt();
            weatherThread.join();
            weather.calm();
            Instant stopped = Instant.now();
            out.printf("%nchanges stopped after %.1f min; faults and kills %.1f s later (a restart under way was let finish)%n",
                    Duration.between(start, changesStopped).toMillis() / 60_000.0,
                    Duration.between(changesStopped, stopped).toMillis() / 1000.0);

            LiveConvergence live = LiveConvergence.await(world, original, beforeChanges);
            if (live.at() != null) {
                out.printf("the live path alone (deliveries, role polls) converged %.1f s after the faults stopped:"
                        + " no difference from the oracle%n", Duration.between(stopped, live.at()).toMillis() / 1000.0);
            } else {
                out.printf("the live path alone left %d differences from the oracle %d s after the faults stopped, by rule %s%n",
                        live.differences().size(), LiveConvergence.LIMIT.toSeconds(), byRule(live.differences()));
                live.differences().stream().limit(5)
                        .forEach(d -> out.println("  e.g. " + (d.length() > 150 ? d.substring(0, 150) + "..." : d)));
                DropAttribution attribution = DropAttribution.of(live.differences(), world.ziik.deliveryLog());
                out.printf("  %d of them about a user one of whose deliveries was dropped or not answered; %d others%s%n",
                        attribution.explained().size(), attribution.unexplained().size(),
                        attribution.unexplained().isEmpty() ? "" : ", e.g. " + attribution.unexplained().getFirst());
            }
            out.println("a full synchronisation now, to repair what dropped deliveries missed, as the periodic one does in production");
            LearningbankState.Snapshot beforeRepair = world.learningbank.state().snapshot();
            Instant repairStarted = Instant.now();
            String repair = world.fullSync(Duration.ofMinutes(10));
            awaitQueueEmpty(world, Duration.ofMinutes(5));
            Duration repairTook = Duration.between(repairStarted, Instant.now());
            Instant converged = live.at() != null ? live.at() : Instant.now();
            LearningbankState.Snapshot end = world.learningbank.state().snapshot();
            List<String> lost = world.organisation.differences(original, beforeRepair, end, world.links(), world.recordedProblems());
            Duplicates duplicates = Duplicates.in(end);
            long writesBefore = world.learningbank.requestLog().writes(); // not reset: the fault report counts all calls
            String again = world.fullSync(Duration.ofMinutes(10));
            long writesAgain = world.learningbank.requestLog().writes() - writesBefore;

            out.printf("repairing full synchronisation: %s in %.1f s%n%n", repair, repairTook.toMillis() / 1000.0);
            changes.print(out);
            weather.print(out);
            killer.print(out);
            out.printf("webhook proxy: %,d deliveries to a, %,d to b, %,d went to the other instance (the one in turn did not"
                            + " answer), %,d answered by neither (502)%n", world.proxy.forwardedTo(0), world.proxy.forwardedTo(1),
                    world.proxy.failedOver(), world.proxy.unanswered());
            new RunSummary(world.database.jdbc(), world.integrationId).print(out);
            out.printf("Learningbank at the end: %,d users, %,d departments, %,d permission types%n", end.users().size(),
                    end.departments().size(), end.permissionTypes().size());
            out.printf("duplicates: %d (users %d, departments %d, permission types %d)%s%n", duplicates.total(), duplicates.users(),
                    duplicates.departments(), duplicates.permissionTypes(), duplicates.examples().isEmpty() ? "" : " " + duplicates.examples());
            out.printf("changes lost: %d (differences from the oracle after the repairing full synchronisation)%n", lost.size());
            lost.stream().limit(30).forEach(d -> out.println("  " + d));
            out.printf("a further full synchronisation: %s, %d writes to Learningbank (0 expected: nothing left to do)%n",
                    again, writesAgain);
            if (killer.lastKill() != null) {
                out.printf("time from the last kill to convergence (%s): %.1f s (from the end of the changes: %.1f s; from the"
                                + " end of the faults: %.1f s)%n", live.at() != null ? "by the live path alone"
                                : "after the repairing full synchronisation, which the bench starts once the live path has had "
                                + LiveConvergence.LIMIT.toSeconds() + " s", Duration.between(killer.lastKill(), converged).toMillis() / 1000.0,
                        Duration.between(changesStopped, converged).toMillis() / 1000.0,
                        Duration.between(stopped, converged).toMillis() / 1000.0);
            }
            boolean passed = duplicates.total() == 0 && lost.isEmpty() && repair.equals("done");
            out.println(passed ? "PASSED" : "FAILED");
            if (passed) { // the logs are kept only when there is something to read in them
                world.instances.forEach(ServiceInstance::deleteLogOnClose);
            } else {
                out.println("service logs: " + world.instances.get(0).log() + " " + world.instances.get(1).log());
            }
            return passed;
        }
    }

    /** Redraws the weather every period until interrupted. */
    private static void everyPeriod(FaultWeather weather) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                weather.next();
                Thread.sleep(Duration.ofSeconds(FaultWeather.PERIOD_SECONDS));
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many differences each rule has ("P3" from "P3: departments of ..."). */
    private static java.util.Map<String, Long> byRule(List<String> differences) {
        return differences.stream().collect(java.util.stream.Collectors.groupingBy(
                d -> d.contains(":") ? d.substring(0, d.indexOf(':')) : d, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    private static void awaitQueueEmpty(SoakWorld world, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (world.pendingWork() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
    }
}
