package io.ziiklb.demo;

import java.nio.file.Path;

/**
 * The demo's command line: {@code [--users N] [--seed S] [--port P] [--ziik-port P] [--learningbank-port P] [--exit]}.
 *
 * @param exitWhenDone stop after printing instead of running until Ctrl-C (for scripted runs)
 */
record DemoOptions(int users, long seed, int ziikPort, int learningbankPort, int servicePort, boolean exitWhenDone,
                   Path home) {

    static DemoOptions parse(String[] args) {
        int users = 2_000;
        long seed = 42;
        int ziikPort = 8081;
        int learningbankPort = 8082;
        int servicePort = 8080;
        boolean exit = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--ziik-port" -> ziikPort = Integer.parseInt(value(args, ++i));
                case "--learningbank-port" -> learningbankPort = Integer.parseInt(value(args, ++i));
                case "--port" -> servicePort = Integer.parseInt(value(args, ++i));
                case "--exit" -> exit = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: ./ziiklb demo [--users N] [--seed S] [--port P] [--ziik-port P] [--learningbank-port P] [--exit]");
            }
        }
        return new DemoOptions(users, seed, ziikPort, learningbankPort, servicePort, exit,
                Path.of(System.getProperty("ziiklb.home", ".")).toAbsolutePath().normalize());
    }

    Path simulatorsJar() {
        return home.resolve("simulators/target/ziiklb-simulators-standalone.jar");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
