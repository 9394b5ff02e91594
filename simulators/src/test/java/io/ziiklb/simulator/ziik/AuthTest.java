package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.http.HandMovedTiming;
import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-in, bearer tokens that really expire by the injected clock, renewal, and 429 from the faults. */
class AuthTest {
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private ZiikSimulator sim;
    private ApiClient client;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults().withClock(clock).withTokenTtl(Duration.ofMinutes(30)));
        client = new ApiClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void authenticateAnswersAnArrayWithATokenExpiringAfterTheTtl() {
        ApiClient.Answer answer = client.post("/authenticate",
                "{\"username\":\"Integration@Ziik.test\",\"password\":\"ziik-secret\"}", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
        assertThat(answer.json().get(0).get("jwt").stringValue()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(answer.json().get(0).get("expires").longValue()).isEqualTo(START.plus(Duration.ofMinutes(30)).getEpochSecond());
    }

    @ParameterizedTest
    @CsvSource({
            "integration@ziik.test, wrong",
            "someone@ziik.test, ziik-secret",
            "integration@ziik.test, ZIIK-SECRET"})
    void badCredentialsAre401(String username, String password) {
        ApiClient.Answer answer = client.post("/authenticate",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("message").stringValue()).isNotBlank();
    }

    @Test
    void missingFieldsAre422WithLaravelErrors() {
        ApiClient.Answer answer = client.post("/authenticate", "{\"username\":\"integration@ziik.test\"}", null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/password/0").stringValue()).contains("password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-token", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"})
    void everyApiCallNeedsAKnownBearerToken(String token) {
        assertThat(client.get("/users", token.isEmpty() ? null : token).status()).isEqualTo(401);
        assertThat(client.get("/users", token.isEmpty() ? null : token).json().get("message").stringValue())
                .isEqualTo("Unauthenticated.");
    }

    @Test
    void aTokenWorksUntilItExpiresByTheClock() {
        String token = client.login();
        assertThat(client.get("/users", token).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(client.get("/users", token).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(client.get("/users", token).status()).isEqualTo(401);
    }

    @Test
    void renewGivesAFreshTokenWithALaterExpiry() {
        String old = client.login();
        clock.advance(Duration.ofMinutes(20));

        ApiClient.Answer renewed = client.post("/renew", null, old);

        assertThat(renewed.status()).isEqualTo(200);
        String fresh = renewed.json().get(0).get("jwt").stringValue();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(renewed.json().get(0).get("expires").longValue())
                .isEqualTo(START.plus(Duration.ofMinutes(50)).getEpochSecond());
        clock.advance(Duration.ofMinutes(15)); // the old token has expired, the fresh one has not
        assertThat(client.get("/users", old).status()).isEqualTo(401);
        assertThat(client.get("/users", fresh).status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenCannotBeRenewed() {
        String token = client.login();
        clock.advance(Duration.ofMinutes(30));

        assertThat(client.post("/renew", null, token).status()).isEqualTo(401);
    }

    @Test
    void tokensOfOneSimulatorAreUnknownToAnotherWithTheSameSeed() {
        try (ZiikSimulator other = ZiikSimulator.start(ZiikSimulator.Config.defaults().withClock(clock))) {
            assertThat(new ApiClient(other).get("/users", client.login()).status()).isEqualTo(401);
        }
    }

    @Test
    void rateLimitAnswers429WithRetryAfterAndControlRoutesAreExempt() {
        String token = client.login();
        sim.requestLog().reset();
        sim.setFaultTiming(new HandMovedTiming()); // the limit's time stands still: one call refills in 1 / 0.25 = 4 s
        sim.setFaults(Faults.none().withRateLimit(0.25, 1));

        assertThat(client.get("/users", token).status()).isEqualTo(200);
        ApiClient.Answer limited = client.get("/users", token);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("4");
        assertThat(limited.json().get("message").stringValue()).isNotBlank();
        for (int i = 0; i < 5; i++) {
            assertThat(client.control("GET", "/_sim/summary", null).status()).isEqualTo(200);
        }
        assertThat(sim.requestLog().total()).isEqualTo(2);
        assertThat(sim.requestLog().byStatus()).containsEntry(429, 1L);
    }
}
