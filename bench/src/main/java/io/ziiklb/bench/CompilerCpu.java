package io.ziiklb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time this JVM's JIT compiler threads have used, from Linux's per-thread accounting
 * ({@code /proc/self/task/<tid>/stat}). In a JVM that starts cold, as the benchmark's does, compiling
 * the engine's code is a large share of its CPU: this separates that one-off cost from the work
 * that grows with the users. Zero where {@code /proc} is not there.
 */
final class CompilerCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux's clock ticks a second for these counters (USER_HZ), 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private CompilerCpu() {
    }

    static long nanos() {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.mapToLong(CompilerCpu::compilerTicks).sum() * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** utime + stime of one thread when it is a compiler thread ("C1 CompilerThre", "C2 CompilerThre"), else 0. */
    private static long compilerTicks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !stat.substring(open + 1, close).contains("CompilerThre")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException threadEnded) {
            return 0;
        }
    }
}
