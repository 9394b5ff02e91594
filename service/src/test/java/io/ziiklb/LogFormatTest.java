package io.ziiklb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code ZIIKLB_LOG_FORMAT}: JSON unless plain is asked for. */
class LogFormatTest {

    private static String consoleFormatWith(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.getPropertySources().addLast(new MapPropertySource("application.properties",
                Map.of(LogFormat.CONSOLE_FORMAT, "ecs")));
        new LogFormat().postProcessEnvironment(environment, null);
        return environment.getProperty(LogFormat.CONSOLE_FORMAT);
    }

    @Test
    void jsonByDefault() {
        assertThat(consoleFormatWith(Map.of())).isEqualTo("ecs");
        assertThat(consoleFormatWith(Map.of("ZIIKLB_LOG_FORMAT", "json"))).isEqualTo("ecs");
    }

    @Test
    void plainTurnsTheStructuredFormatOff() {
        assertThat(consoleFormatWith(Map.of("ZIIKLB_LOG_FORMAT", "plain"))).isEmpty();
        assertThat(consoleFormatWith(Map.of("ZIIKLB_LOG_FORMAT", " Plain "))).isEmpty();
        assertThat(consoleFormatWith(Map.of("ziiklb.log-format", "plain"))).as("as a Spring property, as the demo sets it").isEmpty();
    }
}
