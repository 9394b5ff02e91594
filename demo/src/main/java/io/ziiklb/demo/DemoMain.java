package io.ziiklb.demo;

import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LbCredentials;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.simulator.ChildJvm;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikClientPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** {@code ./ziiklb demo}. */
public final class DemoMain {
    // the simulators' default accounts (see ZiikSimulator.Config and LearningbankSimulator.Config)
    private static final String ZIIK_ADMIN = "integration@ziik.test";
    private static final String ZIIK_PASSWORD = "ziik-secret";
    private static final LbCredentials LB_KEY_DEFAULTS = new LbCredentials("", "lb-api", "lb-secret", "lb-token");

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        PrivateTempDir.removeAtExit(DemoOptions.projectHome());
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (DemoOptions.BadCommandLine e) {
            System.err.println("ziiklb demo: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        try {
            run(options);
        } catch (EmbeddedService.CouldNotStart e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void run(DemoOptions options) throws Exception {
        System.out.printf("Starting the Ziik simulator with a generated organisation of %,d users (seed %d)...%n",
                options.users(), options.seed());
        try (ChildJvm ziikSim = ChildJvm.simulator(options.simulatorsJar(), "ziik", options.ziikPort(),
                     List.of("--users", Integer.toString(options.users()), "--seed", Long.toString(options.seed())));
             ChildJvm lbSim = ChildJvm.simulator(options.simulatorsJar(), "learningbank",
                     options.learningbankPort(), List.of("--job-profiles", "Employee*,Chef,Waiter,Bartender,Store Manager"))) {
            System.out.println("  Ziik:         " + ziikSim.origin() + "/api");
            System.out.println("  Learningbank: " + lbSim.origin() + "/api/v1");
            System.out.println();

            PeerHttp http = PeerHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30), AllowedPeers.loopback());
            ZiikClient ziik = new ZiikClient(http, ziikSim.origin() + "/api", ZIIK_ADMIN, ZIIK_PASSWORD,
                    Clock.systemUTC(), Sleeper.SYSTEM, ZiikClientPolicy.defaults());
            LearningbankClient lb = new LearningbankClient(http, new LbCredentials(lbSim.origin() + "/api/v1",
                    LB_KEY_DEFAULTS.username(), LB_KEY_DEFAULTS.password(), LB_KEY_DEFAULTS.token()), Clock.systemUTC());

            OrganisationReport report = new OrganisationReport(System.out);
            report.ziik(ziik);
            System.out.println();
            report.learningbank(lb);
            System.out.println();

            String operatorToken = java.util.UUID.randomUUID().toString();
            System.out.println("Starting the service at http://localhost:" + options.servicePort()
                    + " (loopback only, embedded database)...");
            try (var service = EmbeddedService.start(options.servicePort(), operatorToken)) {
                AdminApiClient api = new AdminApiClient("http://localhost:" + options.servicePort(), operatorToken);
                String integrationId = FirstSync.run(api, ziikSim.origin() + "/api", ZIIK_ADMIN, ZIIK_PASSWORD,
                        lbSim.origin() + "/api/v1", LB_KEY_DEFAULTS, System.out);
                System.out.println();
                report.learningbank(lb);
                System.out.println();
                new LiveChanges(ziikSim.origin(), ziik, lb, System.out).run();
                System.out.println();
                AutomaticSignIn.turnOn(api, integrationId, ziikSim.origin(), lb.settings().platformUrl(), System.out);
                System.out.println();
                ConsoleInvitation.print(ziikSim.origin(), "http://localhost:" + options.servicePort(), System.out);
                ConsoleInvitation.wizardKeys(lbSim.origin(), LB_KEY_DEFAULTS, ZIIK_ADMIN, ZIIK_PASSWORD, System.out);
                System.out.println("Operator token for this run: " + operatorToken);
                System.out.println("  curl -H 'Authorization: Bearer " + operatorToken + "' http://localhost:"
                        + options.servicePort() + "/api/v1/integrations");
                System.out.println();
                if (options.exitWhenDone()) {
                    return;
                }
                System.out.println("The service and the simulators keep running; press Ctrl-C to stop.");
                Thread.currentThread().join();
            }
        }
    }
}
