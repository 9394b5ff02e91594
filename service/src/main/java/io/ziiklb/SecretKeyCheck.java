package io.ziiklb;

import io.ziiklb.integration.SecretBox;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code serve}: checks {@code ZIIKLB_SECRET_KEY} as soon as the configuration is read (every
 * property source, not only the environment variable), before the context exists, so that a missing
 * or malformed key stops the start before the database is touched (no {@code ./data}, no migration).
 * It keeps the environment, for naming the database when it cannot be reached.
 */
final class SecretKeyCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    private volatile ConfigurableEnvironment environment;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        environment = event.getEnvironment();
        SecretBox.fromBase64(environment.getProperty("ziiklb.secret-key")); // throws SecretBox.BadKey
    }

    /** The configuration read, or null when the start failed before it was. */
    ConfigurableEnvironment environment() {
        return environment;
    }
}
