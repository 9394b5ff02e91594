package io.ziiklb;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code ZIIKLB_LOG_FORMAT} ({@code ziiklb.log-format}): {@code json}, the default, logs one ECS
 * JSON object per line for a log collector; {@code plain} logs Spring Boot's plain lines for a
 * person at a terminal (the demo logs so). Decided before the logging system starts, after the
 * configuration files are read, so that either way every line, the first included, has one format.
 */
public final class LogFormat implements EnvironmentPostProcessor, Ordered {
    static final String PROPERTY = "ziiklb.log-format";
    static final String CONSOLE_FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, environment.getProperty("ZIIKLB_LOG_FORMAT", "json"));
        if (format.trim().toLowerCase(Locale.ROOT).equals("plain")) {
            // no structured format: Spring Boot's console pattern
            environment.getPropertySources().addFirst(new MapPropertySource("ziiklbPlainLogs", Map.of(CONSOLE_FORMAT, "")));
        }
    }

    /** After the configuration files are read (they may set {@code ziiklb.log-format}). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
