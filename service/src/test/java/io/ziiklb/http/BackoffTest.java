package io.ziiklb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one formula for waits that grow, used by the executor's retries and the Ziik client's. */
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));

    @Test
    void doublesAfterEachFailedAttemptUpToTheLongestWait() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(60)).as("no overflow however many attempts").isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(0)).as("before any attempt, as after the first").isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aLongestWaitBelowTheFirstIsEveryWait() {
        assertThat(new Backoff(Duration.ofMillis(500), Duration.ofMillis(10)).after(1)).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void withJitterHalfOfTheWaitIsRandom() {
        Random random = new Random(7);
        for (int attempt = 1; attempt <= 5; attempt++) {
            long base = backoff.after(attempt).toMillis();
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.withJitterAfter(attempt, random).toMillis()).isBetween(base / 2, base);
            }
        }
        assertThat(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)).withJitterAfter(1, random)).isZero();
    }

    @Test
    void negativeWaitsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ZERO));
    }
}
