package io.ziiklb.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.ZiiklbApplication;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Guessing throttled: after five failed sign-ins for one email, the right password is refused too,
 * saying so, for fifteen minutes (on a hand-moved clock), on a second instance sharing the database
 * as well; other emails sign in meanwhile, and a success at another Ziik (one of the guesser's own)
 * does not clear the failures. The operator token typed at sign-in is throttled alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + SignInThrottleIT.DB,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "ziiklb.operator-token=" + SignInThrottleIT.OPERATOR_TOKEN,
})
class SignInThrottleIT {
    static final String DB = "jdbc:h2:mem:signinthrottle;" + TestDatabase.H2_OPTIONS;
    static final String OPERATOR_TOKEN = "operator-token-for-throttle-tests";
    static ZiikSimulator ziik;
    static SeededPeople people;

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock handMovedClock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        people = ziik.seedPeople();
    }

    @AfterAll
    static void stop() {
        ziik.close();
    }

    /** Where a sign-in sent the browser: {@code /integrations}, or the sign-in page's reason. */
    private static String outcome(HttpResponse<String> signIn) {
        return signIn.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private String signIn(int onPort, String email, String password) {
        return outcome(ConsoleHttp.onPort(onPort).signIn(ziik.baseUrl(), email, password));
    }

    @Test
    void fiveFailuresLockTheEmailForFifteenMinutesOnEveryInstanceAndOnlyThatEmail() {
        String email = people.administrator().email();
        String password = people.administrator().password();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(port, email, "wrong-" + i)).isEqualTo("/?error=password");
        }
        assertThat(signIn(port, email, password)).isEqualTo("/?error=locked");
        assertThat(signIn(port, email.toUpperCase(), password)).as("the same email in capitals").isEqualTo("/?error=locked");
        ConsoleHttp page = ConsoleHttp.onPort(port);
        assertThat(page.get("/?error=locked").body()).contains("Too many failed sign-ins");

        assertThat(signIn(port, ziik.config().adminEmail(), ziik.config().adminPassword())).as("another email")
                .isEqualTo("/integrations");

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZiiklbApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + DB, "--ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--ziiklb.operator-token=" + OPERATOR_TOKEN)) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            assertThat(signIn(secondPort, email, password)).as("the second instance").isEqualTo("/?error=locked");
        }

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(signIn(port, email, password)).isEqualTo("/?error=locked");
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn(port, email, password)).isEqualTo("/integrations");
    }

    @Test
    void aSuccessAtAnotherZiikDoesNotClearTheFailuresMadeAtThisOne() {
        String email = people.employee().email();
        try (ZiikSimulator ownZiik = ZiikSimulator.start(ZiikSimulator.Config.defaults())) {
            ownZiik.seedPeople(); // the guesser's own Ziik, where the victim's email has a password the guesser knows
            for (int i = 0; i < 4; i++) {
                assertThat(signIn(port, email, "guess-" + i)).isEqualTo("/?error=password");
            }
            assertThat(outcome(ConsoleHttp.onPort(port).signIn(ownZiik.baseUrl(), email, people.employee().password())))
                    .as("signed in as that email at their own Ziik (not an admin there)").isEqualTo("/?error=not_admin");
            assertThat(signIn(port, email, "guess-4")).isEqualTo("/?error=password");
        }
        assertThat(signIn(port, email, people.employee().password())).as("the fifth failure at this Ziik locks")
                .isEqualTo("/?error=locked");
    }

    @Test
    void theOperatorTokenIsThrottledToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(operatorSignIn("not-the-token-" + i)).isEqualTo("/?error=operator");
        }
        assertThat(operatorSignIn(OPERATOR_TOKEN)).isEqualTo("/?error=locked");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(operatorSignIn(OPERATOR_TOKEN)).isEqualTo("/integrations");
    }

    private String operatorSignIn(String token) {
        ConsoleHttp console = ConsoleHttp.onPort(port);
        console.get("/");
        return outcome(console.post("/signin", Map.of("address", "", "email", "", "password", "", "operatorToken", token)));
    }
}
