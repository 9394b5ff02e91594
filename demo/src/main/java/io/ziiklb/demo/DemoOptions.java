package io.ziiklb.demo;

import java.nio.file.Path;

/**
 * The demo's command line: {@code [--users N] [--seed S] [--port P] [--ziik-port P] [--learningbank-port P] [--exit]},
 * or {@code --help}.
 *
 * @param exitWhenDone stop after printing instead of running until Ctrl-C (for scripted runs)
 * @param help         print the usage and nothing else
 */
record DemoOptions(int users, long seed, int ziikPort, int learningbankPort, int servicePort, boolean exitWhenDone,
                   boolean help, Path home) {

    static final String USAGE = """
            usage: ./ziiklb demo [--users N] [--seed S] [--port P] [--ziik-port P] [--learningbank-port P] [--exit]
              --users N               employees in the generated Ziik organisation (default 2000)
              --seed S                seed of the generated organisation (default 42)
              --port P                the service's port, on 127.0.0.1 (default 8080)
              --ziik-port P           the Ziik simulator's port (default 8081)
              --learningbank-port P   the Learningbank simulator's port (default 8082)
              --exit                  stop once the live changes have been shown, instead of running until Ctrl-C
              --help                  print this and stop""";

    /** A command line the demo cannot run with; the message says what is wrong with it. */
    static final class BadCommandLine extends IllegalArgumentException {
        BadCommandLine(String message) {
            super(message);
        }
    }

    /** @throws BadCommandLine for an unknown option, a missing value or a value that is not a number in range */
    static DemoOptions parse(String[] args) {
        int users = 2_000;
        long seed = 42;
        int ziikPort = 8081;
        int learningbankPort = 8082;
        int servicePort = 8080;
        boolean exit = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--users" -> users = (int) number(args, ++i, 1, 1_000_000);
                case "--seed" -> seed = number(args, ++i, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--ziik-port" -> ziikPort = (int) number(args, ++i, 1, 65_535);
                case "--learningbank-port" -> learningbankPort = (int) number(args, ++i, 1, 65_535);
                case "--port" -> servicePort = (int) number(args, ++i, 1, 65_535);
                case "--exit" -> exit = true;
                case "--help", "-h" -> help = true;
                default -> throw new BadCommandLine("unknown option " + args[i]);
            }
        }
        return new DemoOptions(users, seed, ziikPort, learningbankPort, servicePort, exit, help, projectHome());
    }

    /** The project's directory, where the jars are: {@code ./ziiklb} passes it as {@code ziiklb.home}. */
    static Path projectHome() {
        return Path.of(System.getProperty("ziiklb.home", ".")).toAbsolutePath().normalize();
    }

    Path simulatorsJar() {
        return home.resolve("simulators/target/ziiklb-simulators-standalone.jar");
    }

    private static long number(String[] args, int i, long min, long max) {
        if (i >= args.length) {
            throw new BadCommandLine(args[i - 1] + " needs a value");
        }
        try {
            long value = Long.parseLong(args[i]);
            if (value < min || value > max) {
                throw new BadCommandLine(args[i - 1] + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadCommandLine(args[i - 1] + " needs a whole number, not \"" + args[i] + "\"");
        }
    }
}
