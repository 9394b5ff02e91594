package io.ziiklb.demo;

import io.ziiklb.StartupFailure;
import io.ziiklb.ZiiklbApplication;
import io.ziiklb.integration.SecretBox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real service, in this process, on an in-memory database with a throwaway key, listening on
 * the loopback address only: the demo's operator token is printed for anyone on this machine, not
 * for the network.
 */
final class EmbeddedService implements AutoCloseable {
    /** The service could not start; the message is one plain sentence saying why and what to do. */
    static final class CouldNotStart extends RuntimeException {
        CouldNotStart(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    private final ConfigurableApplicationContext context;

    private EmbeddedService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static EmbeddedService start(int port, String operatorToken) {
        try {
            return new EmbeddedService(new SpringApplicationBuilder(ZiiklbApplication.class).run(
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--ziiklb.operator-token=" + operatorToken,
                    "--ziiklb.secret-key=" + SecretBox.newKey(),
                    "--ziiklb.allowed-peers=127.0.0.1,localhost", // the simulators run on this machine
                    "--spring.datasource.url=jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "--ziiklb.log-format=plain", // a person reads the demo at a terminal
                    "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR"));
        } catch (RuntimeException e) {
            throw new CouldNotStart(sentence(e, port), e);
        }
    }

    private static String sentence(Throwable failure, int port) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException) {
                return "Port " + port + " is already in use: stop what listens there, or start the demo with --port and a free one.";
            }
        }
        return StartupFailure.sentence(failure, null);
    }

    @Override
    public void close() {
        context.close();
    }
}
