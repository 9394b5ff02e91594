package io.ziiklb.demo;

import io.ziiklb.ZiiklbApplication;
import io.ziiklb.integration.SecretBox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The real service, in this process, on an in-memory database with a throwaway key. */
final class EmbeddedService implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private EmbeddedService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static EmbeddedService start(int port, String operatorToken) {
        return new EmbeddedService(new SpringApplicationBuilder(ZiiklbApplication.class).run(
                "--server.port=" + port,
                "--ziiklb.operator-token=" + operatorToken,
                "--ziiklb.secret-key=" + SecretBox.newKey(),
                "--ziiklb.allowed-peers=127.0.0.1,localhost", // the simulators run on this machine
                "--spring.datasource.url=jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--ziiklb.log-format=plain", // a person reads the demo at a terminal
                "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR"));
    }

    @Override
    public void close() {
        context.close();
    }
}
