package io.ziiklb.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./ziiklb bench full-sync [--users N] [--latency-ms N] [--ziik-latency-ms N] [--concurrency N] [--lb-rate N]
 * [--ziik-rate N] [--passes N]} and
 * {@code ./ziiklb bench live [--users N] [--latency-ms N] [--rate N] [--seconds N] [--warmup-seconds N] [--unit-every N]
 * [--db h2|postgres]} and
 * {@code ./ziiklb bench live --unannounced [--users N] [--minutes N] [--changes-per-minute N] [--list-minutes N]
 * [--deep-minutes N] [--sweep-calls N]} and
 * {@code ./ziiklb bench intake [--db postgres|h2] [--clients N] [--seconds N] [--workers N]} and
 * {@code ./ziiklb bench many [--integrations N] [--big-users N] [--small-users N] [--latency-ms N] [--rate N]
 * [--seconds N] [--baseline-seconds N] [--workers N]} and
 * {@code ./ziiklb bench sign-in [--latency-ms N] [--clicks N] [--clients N] [--seconds N] [--db h2|postgres]} and
 * {@code ./ziiklb bench soak [--minutes N] [--rate N] [--users N] [--seed N] [--kill-every-seconds N] [--lease-seconds N]}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("full-sync", "live", "intake", "many", "sign-in", "soak").contains(args[0])) {
            System.err.println("usage: ./ziiklb bench full-sync [--users 10000] [--latency-ms 5] [--ziik-latency-ms 0] [--concurrency 8]"
                    + " [--lb-rate 0] [--ziik-rate 0] [--passes 1]");
            System.err.println("       ./ziiklb bench live [--users 2000] [--latency-ms 5] [--rate 50] [--seconds 20] [--warmup-seconds 60]"
                    + " [--unit-every 10] [--db h2|postgres]");
            System.err.println("       ./ziiklb bench live --unannounced [--users 10000] [--minutes 16] [--changes-per-minute 6]"
                    + " [--list-minutes N] [--deep-minutes N] [--sweep-calls N]");
            System.err.println("       ./ziiklb bench intake [--db postgres|h2] [--clients 64] [--seconds 10] [--workers 8]");
            System.err.println("       ./ziiklb bench many [--integrations 1000] [--big-users 100000] [--small-users 15]"
                    + " [--latency-ms 5] [--rate 10] [--seconds 60] [--baseline-seconds 30] [--workers 8]");
            System.err.println("       ./ziiklb bench sign-in [--latency-ms 5] [--clicks 300] [--clients 16] [--seconds 10]"
                    + " [--db h2|postgres]");
            System.err.println("       ./ziiklb bench soak [--minutes 2] [--rate 2] [--users 500] [--seed 1] [--kill-every-seconds 60]"
                    + " [--lease-seconds 60]");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("ziiklb.home", ".")).toAbsolutePath().normalize();
        if (args[0].equals("soak")) {
            System.exit(soak(home, args) ? 0 : 1);
        }
        if (args[0].equals("live") && List.of(args).contains("--unannounced")) {
            unannounced(home, List.of(args).stream().filter(a -> !a.equals("--unannounced")).toArray(String[]::new));
            System.exit(0);
        }
        boolean live = args[0].equals("live");
        boolean many = args[0].equals("many");
        boolean signIn = args[0].equals("sign-in");
        int clicks = 300;
        int users = live ? 2_000 : 10_000;
        long latency = 5;
        int concurrency = 8;
        int rate = many ? 10 : 50;
        int seconds = args[0].equals("intake") || signIn ? 10 : many ? 60 : 20;
        int integrations = 1_000;
        int bigUsers = 100_000;
        int smallUsers = 15;
        int baselineSeconds = 30;
        int clients = signIn ? 16 : 64;
        String db = null;
        int workers = 8;
        int unitEvery = 10;
        int warmupSeconds = 60;
        double lbRate = 0;
        double ziikRate = 0;
        int passes = 1;
        long ziikLatency = 0;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--latency-ms" -> latency = Long.parseLong(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--clicks" -> clicks = Integer.parseInt(args[i + 1]);
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
                case "--passes" -> passes = Integer.parseInt(args[i + 1]);
                case "--ziik-latency-ms" -> ziikLatency = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // live and sign-in default to H2, intake to PostgreSQL
        boolean postgres = db == null ? !live && !signIn : db.equals("postgres");
        if (signIn) {
            new SignInBench(home, latency, clicks, clients, seconds, postgres).run(System.out);
        } else if (many) {
            new ManyBench(home, integrations, bigUsers, smallUsers, latency, rate, seconds, baselineSeconds, workers).run(System.out);
        } else if (args[0].equals("intake")) {
            new IntakeBench(home, postgres, clients, seconds, workers).run(System.out);
        } else if (live) {
            new LiveBench(home, users, latency, rate, seconds, warmupSeconds, unitEvery, postgres).run(System.out);
        } else {
            new FullSyncBench(home.resolve("simulators/target/ziiklb-simulators-standalone.jar"), users, latency, ziikLatency,
                    concurrency, lbRate, ziikRate).passes(passes).run(System.out);
        }
        System.exit(0);
    }

    /** {@code live --unannounced}: its options, each with its default; the sweeps' settings are the service's unless given. */
    private static void unannounced(Path home, String[] args) throws Exception {
        int users = 10_000;
        int minutes = 16;
        int perMinute = 6;
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
                case "--changes-per-minute" -> perMinute = Integer.parseInt(args[i + 1]);
                case "--list-minutes" -> settings.put("listSweepIntervalMinutes", Integer.parseInt(args[i + 1]));
                case "--deep-minutes" -> settings.put("deepSweepIntervalMinutes", Integer.parseInt(args[i + 1]));
                case "--sweep-calls" -> settings.put("sweepCallsPerMinute", Integer.parseInt(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new UnannouncedBench(home, users, minutes, perMinute, settings).run(System.out);
    }

    /** The soak's options, each with its default; true when it passed. */
    private static boolean soak(Path home, String[] args) throws Exception {
        int minutes = 2;
        double rate = 2;
        int users = 500;
        long seed = 1;
        int killEvery = 60;
        int lease = 60;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--kill-every-seconds" -> killEvery = Integer.parseInt(args[i + 1]);
                case "--lease-seconds" -> lease = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new SoakBench(home, minutes, users, rate, seed, killEvery, lease).run(System.out);
    }
}
