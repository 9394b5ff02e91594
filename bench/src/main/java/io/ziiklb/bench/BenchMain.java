package io.ziiklb.bench;

import java.nio.file.Path;

/**
 * {@code ./ziiklb bench full-sync [--users N] [--latency-ms N] [--concurrency N]} and
 * {@code ./ziiklb bench live [--users N] [--latency-ms N] [--rate N] [--seconds N]}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("full-sync") || args[0].equals("live"))) {
            System.err.println("usage: ./ziiklb bench full-sync [--users 10000] [--latency-ms 5] [--concurrency 8]");
            System.err.println("       ./ziiklb bench live [--users 2000] [--latency-ms 5] [--rate 50] [--seconds 20]");
            System.exit(2);
        }
        boolean live = args[0].equals("live");
        int users = live ? 2_000 : 10_000;
        long latency = 5;
        int concurrency = 8;
        int rate = 50;
        int seconds = 20;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--latency-ms" -> latency = Long.parseLong(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path home = Path.of(System.getProperty("ziiklb.home", ".")).toAbsolutePath().normalize();
        if (live) {
            new LiveBench(home, users, latency, rate, seconds).run(System.out);
        } else {
            new FullSyncBench(home.resolve("simulators/target/ziiklb-simulators-standalone.jar"), users, latency, concurrency)
                    .run(System.out);
        }
        System.exit(0);
    }
}
