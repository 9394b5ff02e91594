package io.ziiklb.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./ziiklb bench full-sync [--users N] [--latency-ms N] [--concurrency N] [--lb-rate N] [--ziik-rate N]} and
 * {@code ./ziiklb bench live [--users N] [--latency-ms N] [--rate N] [--seconds N] [--warmup-seconds N] [--unit-every N]
 * [--db h2|postgres]} and
 * {@code ./ziiklb bench intake [--db postgres|h2] [--clients N] [--seconds N] [--workers N]} and
 * {@code ./ziiklb bench many [--integrations N] [--big-users N] [--small-users N] [--latency-ms N] [--rate N]
 * [--seconds N] [--baseline-seconds N] [--workers N]}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("full-sync", "live", "intake", "many").contains(args[0])) {
            System.err.println("usage: ./ziiklb bench full-sync [--users 10000] [--latency-ms 5] [--concurrency 8] [--lb-rate 0] [--ziik-rate 0]");
            System.err.println("       ./ziiklb bench live [--users 2000] [--latency-ms 5] [--rate 50] [--seconds 20] [--warmup-seconds 20]"
                    + " [--unit-every 10] [--db h2|postgres]");
            System.err.println("       ./ziiklb bench intake [--db postgres|h2] [--clients 64] [--seconds 10] [--workers 8]");
            System.err.println("       ./ziiklb bench many [--integrations 1000] [--big-users 100000] [--small-users 15]"
                    + " [--latency-ms 5] [--rate 10] [--seconds 60] [--baseline-seconds 30] [--workers 8]");
            System.exit(2);
        }
        boolean live = args[0].equals("live");
        boolean many = args[0].equals("many");
        int users = live ? 2_000 : 10_000;
        long latency = 5;
        int concurrency = 8;
        int rate = many ? 10 : 50;
        int seconds = args[0].equals("intake") ? 10 : many ? 60 : 20;
        int integrations = 1_000;
        int bigUsers = 100_000;
        int smallUsers = 15;
        int baselineSeconds = 30;
        int clients = 64;
        String db = null;
        int workers = 8;
        int unitEvery = 10;
        int warmupSeconds = 20;
        double lbRate = 0;
        double ziikRate = 0;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--latency-ms" -> latency = Long.parseLong(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--db" -> db = args[i + 1];
                case "--workers" -> workers = Integer.parseInt(args[i + 1]);
                case "--unit-every" -> unitEvery = Integer.parseInt(args[i + 1]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--integrations" -> integrations = Integer.parseInt(args[i + 1]);
                case "--big-users" -> bigUsers = Integer.parseInt(args[i + 1]);
                case "--small-users" -> smallUsers = Integer.parseInt(args[i + 1]);
                case "--baseline-seconds" -> baselineSeconds = Integer.parseInt(args[i + 1]);
                case "--lb-rate" -> lbRate = Double.parseDouble(args[i + 1]);
                case "--ziik-rate" -> ziikRate = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean postgres = db == null ? !live : db.equals("postgres"); // live defaults to H2, intake to PostgreSQL
        Path home = Path.of(System.getProperty("ziiklb.home", ".")).toAbsolutePath().normalize();
        if (many) {
            new ManyBench(home, integrations, bigUsers, smallUsers, latency, rate, seconds, baselineSeconds, workers).run(System.out);
        } else if (args[0].equals("intake")) {
            new IntakeBench(home, postgres, clients, seconds, workers).run(System.out);
        } else if (live) {
            new LiveBench(home, users, latency, rate, seconds, warmupSeconds, unitEvery, postgres).run(System.out);
        } else {
            new FullSyncBench(home.resolve("simulators/target/ziiklb-simulators-standalone.jar"), users, latency, concurrency,
                    lbRate, ziikRate).run(System.out);
        }
        System.exit(0);
    }
}
