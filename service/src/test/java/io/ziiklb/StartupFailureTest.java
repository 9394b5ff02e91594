package io.ziiklb;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.SecretBox;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.mock.env.MockEnvironment;

/** The sentence for each way a start fails, found however deep Spring has wrapped it. */
class StartupFailureTest {
    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/ziiklb?user=z&password=hunter2");

    private static Throwable wrapped(Throwable cause) {
        return new IllegalStateException("context failed", new BeanCreationException("flywayInitializer", "failed", cause));
    }

    @Test
    void aBadKeyIsItsOwnMessageAsASentence() {
        Throwable bad = org.assertj.core.api.Assertions.catchThrowable(() -> SecretBox.fromBase64(""));
        assertThat(StartupFailure.known(wrapped(bad))).isTrue();
        assertThat(StartupFailure.sentence(wrapped(bad), environment)).startsWith("ZIIKLB_SECRET_KEY is not set").endsWith(".");
    }

    @Test
    void aPortInUseNamesThePort() {
        assertThat(StartupFailure.sentence(wrapped(new PortInUseException(8080)), null))
                .isEqualTo("Port 8080 is already in use: stop what listens there, or set ZIIKLB_PORT to a free port.");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutTheParametersOfItsUrl() {
        String sentence = StartupFailure.sentence(wrapped(new SQLException("Connection refused", "08001")), environment);
        assertThat(sentence).startsWith("The service cannot reach its database at jdbc:postgresql://db.internal:5432/ziiklb (it does not answer there)")
                .doesNotContain("hunter2");
        assertThat(StartupFailure.sentence(wrapped(new SQLException("password authentication failed", "28P01")), environment))
                .contains("refused the user name or password");
        assertThat(StartupFailure.sentence(wrapped(new SQLException("sorry, too many clients already", "53300")), null))
                .startsWith("The service cannot reach its database (it has no connection left");
        assertThat(StartupFailure.withoutParameters("jdbc:h2:file:./data/ziiklb;MODE=PostgreSQL")).isEqualTo("jdbc:h2:file:./data/ziiklb");
        assertThat(StartupFailure.withoutParameters("jdbc:postgresql://u:pw@db/z")).isEqualTo("jdbc:postgresql://db/z");
    }

    @Test
    void anyOtherFailureGivesItsDeepestMessageAndPointsAtTheLog() {
        Throwable other = wrapped(new SQLException("syntax error at or near \"SELEC\"", "42601"));
        assertThat(StartupFailure.known(other)).isFalse();
        assertThat(StartupFailure.sentence(other, environment))
                .isEqualTo("The service could not start (syntax error at or near \"SELEC\"); the log above has the details.");
    }
}
