package io.ziiklb.simulator;

import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs one simulator standalone until killed:
 * <pre>
 * ziik         [--port N] [--users N] [--seed S] [--latency-ms N] [--exit-with-parent PID]
 * learningbank [--port N] [--job-profiles "Employee*,Chef,..."] [--latency-ms N] [--exit-with-parent PID]
 * </pre>
 * In {@code --job-profiles} a trailing {@code *} marks the default profile. Credentials are each
 * simulator's defaults (see their {@code Config.defaults()}); the Ziik simulator also seeds an
 * administrator and an employee who can sign in ({@code ZiikSimulator.seedPeople()}) and prints
 * every account's email and password at start.
 */
public final class Main {
    private static final Set<String> OPTIONS = Set.of("--port", "--users", "--seed", "--latency-ms", "--job-profiles",
            "--exit-with-parent");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0 || !(args[0].equals("ziik") || args[0].equals("learningbank"))) {
            usage("name a simulator: ziik or learningbank");
        }
        Map<String, String> options = options(args);
        int port = Integer.parseInt(options.getOrDefault("--port", "0"));
        long latency = Long.parseLong(options.getOrDefault("--latency-ms", "0"));
        if (options.containsKey("--exit-with-parent")) {
            exitWithParent(Long.parseLong(options.get("--exit-with-parent")));
        }
        if (args[0].equals("ziik")) {
            ZiikSimulator sim = ZiikSimulator.start(ZiikSimulator.Config.defaults().withPort(port)
                    .withSeed(Long.parseLong(options.getOrDefault("--seed", "1"))));
            sim.setFaults(Faults.none().withLatency(latency));
            int users = Integer.parseInt(options.getOrDefault("--users", "0"));
            if (users > 0) {
                OrganisationGenerator.Summary s = OrganisationGenerator.populate(sim.organisation(), users,
                        Long.parseLong(options.getOrDefault("--seed", "1")));
                System.out.printf("generated %s: %d units, %d roles, %d users (%d deactivated)%n",
                        s.company(), s.units(), s.roles(), s.users(), s.deactivated());
            }
            SeededPeople people = sim.seedPeople();
            System.out.println("Ziik simulator at " + sim.baseUrl());
            System.out.println("  integration account: " + sim.config().adminEmail() + " password " + sim.config().adminPassword());
            System.out.println("  administrator:       " + people.administrator());
            System.out.println("  employee:            " + people.employee());
        } else {
            LearningbankSimulator sim = LearningbankSimulator.start(LearningbankSimulator.Config.defaults().withPort(port));
            sim.setFaults(Faults.none().withLatency(latency));
            for (String profile : options.getOrDefault("--job-profiles", "").split(",")) {
                if (!profile.isBlank()) {
                    boolean isDefault = profile.endsWith("*");
                    sim.state().seedJobProfile(isDefault ? profile.substring(0, profile.length() - 1).trim() : profile.trim(), isDefault);
                }
            }
            System.out.println("Learningbank simulator at " + sim.baseUrl());
        }
        Thread.currentThread().join();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                usage("unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** Stops this process when the one that started it ends, so a killed demo leaves nothing running. */
    private static void exitWithParent(long pid) {
        ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ziik [--port N] [--users N] [--seed S] [--latency-ms N] [--exit-with-parent PID]");
        System.err.println("       learningbank [--port N] [--job-profiles \"Employee*,Chef\"] [--latency-ms N] [--exit-with-parent PID]");
        System.exit(2);
    }
}
