package io.ziiklb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code java -jar ziiklb.jar serve}: the one command the packaged jar runs. */
class ServeCommandTest {

    @Test
    void serveWithOrWithoutOptionsRuns() {
        assertThat(ServeCommand.refusal(new String[] {"serve"})).isEmpty();
        assertThat(ServeCommand.refusal(new String[] {})).as("as ./ziiklb serve ran it before").isEmpty();
        assertThat(ServeCommand.refusal(new String[] {"serve", "--server.port=9090"})).isEmpty();
        assertThat(ServeCommand.refusal(new String[] {"--ziiklb.queue.workers=2"})).isEmpty();
    }

    @Test
    void anotherCommandIsRefusedWithTheUsage() {
        assertThat(ServeCommand.refusal(new String[] {"srve"})).hasValueSatisfying(r ->
                assertThat(r).contains("unknown command \"srve\"").contains("java -jar ziiklb.jar serve"));
        assertThat(ServeCommand.refusal(new String[] {"serve", "now"})).isPresent();
        assertThat(ServeCommand.refusal(new String[] {"demo"})).isPresent();
    }
}
