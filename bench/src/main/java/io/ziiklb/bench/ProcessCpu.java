package io.ziiklb.bench;

import io.ziiklb.simulator.ChildJvm;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU each process of a live bench spends from one moment on: the service, the Ziik
 * simulator (its API and its webhook sender), and this JVM (the Learningbank simulator and the
 * bench making the changes), and the machine as a whole. Per change, it tells the service's own
 * cost apart from the simulators', and whether the machine's cores were the limit.
 */
final class ProcessCpu {
    private final ChildJvm service;
    private final ChildJvm ziik;
    private final Duration serviceAt;
    private final Duration ziikAt;
    private final long benchAtNanos;
    private final long[] machineAt;
    private final long startedAt = System.nanoTime();

    private ProcessCpu(ChildJvm service, ChildJvm ziik) {
        this.service = service;
        this.ziik = ziik;
        this.serviceAt = service.cpuTime();
        this.ziikAt = ziik.cpuTime();
        this.benchAtNanos = benchCpuNanos();
        this.machineAt = machineTicks();
    }

    static ProcessCpu from(ChildJvm service, ChildJvm ziik) {
        return new ProcessCpu(service, ziik);
    }

    /** What each spent since. */
    Spent spent() {
        long[] machine = machineTicks();
        long busy = machine[0] - machineAt[0];
        long all = machine[1] - machineAt[1];
        return new Spent(service.cpuTime().minus(serviceAt), ziik.cpuTime().minus(ziikAt),
                Duration.ofNanos(benchCpuNanos() - benchAtNanos), Duration.ofNanos(System.nanoTime() - startedAt),
                all == 0 ? 0 : (double) busy / all);
    }

    /** CPU spent in a span of {@code wall}; {@code machineBusy} is the share of all cores busy (any process). */
    record Spent(Duration service, Duration ziik, Duration bench, Duration wall, double machineBusy) {
        void print(PrintStream out, int changes, int perSecond) {
            out.printf("CPU per change     service %.2f ms, Ziik simulator %.2f ms, this JVM (Learningbank simulator and the bench) %.2f ms%n",
                    perChange(service, changes), perChange(ziik, changes), perChange(bench, changes));
            out.printf("                   at %d changes/s the service alone needs %.2f of %d cores; the machine was %.0f%% busy"
                            + " over %.1f s (every process)%n", perSecond, perChange(service, changes) * perSecond / 1000,
                    Runtime.getRuntime().availableProcessors(), machineBusy * 100, wall.toMillis() / 1000.0);
        }

        private static double perChange(Duration cpu, int changes) {
            return cpu.toNanos() / 1e6 / changes;
        }
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** {busy, all} jiffies of every core from /proc/stat; zeros where there is none. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < fields.length; i++) {
                all += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle and iowait
            return new long[] {all - idle, all};
        } catch (Exception noProcStat) {
            return new long[] {0, 0};
        }
    }
}
