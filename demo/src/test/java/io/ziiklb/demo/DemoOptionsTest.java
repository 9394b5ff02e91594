package io.ziiklb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's command line: {@code --help} is usage, not a stack trace; a bad option says what is wrong. */
class DemoOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpAsksForTheUsage(String flag) {
        assertThat(DemoOptions.parse(new String[] {flag}).help()).isTrue();
        assertThat(DemoOptions.USAGE).startsWith("usage: ./ziiklb demo").contains("--users N").contains("--exit");
    }

    @Test
    void theDefaultsAreTheDocumentedPorts() {
        DemoOptions options = DemoOptions.parse(new String[0]);
        assertThat(options.help()).isFalse();
        assertThat(options.servicePort()).isEqualTo(8080);
        assertThat(options.ziikPort()).isEqualTo(8081);
        assertThat(options.learningbankPort()).isEqualTo(8082);
        assertThat(DemoOptions.parse(new String[] {"--users", "50", "--port", "9090", "--exit"}))
                .satisfies(o -> assertThat(o.users()).isEqualTo(50))
                .satisfies(o -> assertThat(o.servicePort()).isEqualTo(9090))
                .satisfies(o -> assertThat(o.exitWhenDone()).isTrue());
    }

    @Test
    void aBadCommandLineSaysWhatIsWrong() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--colour"})).isInstanceOf(DemoOptions.BadCommandLine.class)
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--users"})).hasMessage("--users needs a value");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--port", "eighty"}))
                .hasMessage("--port needs a whole number, not \"eighty\"");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--port", "99999"})).hasMessageContaining("between 1 and 65535");
    }
}
