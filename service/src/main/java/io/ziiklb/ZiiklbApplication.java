package io.ziiklb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * {@code ./ziiklb serve}: the service. Configuration comes from the {@code ZIIKLB_*} environment.
 * A start that cannot go on ends here: one plain sentence on standard error saying what is wrong
 * and how to fix it ({@link StartupFailure}), and exit status 1.
 */
@SpringBootApplication
public class ZiiklbApplication {

    public static void main(String[] args) {
        ServeCommand.refusal(args).ifPresent(refusal -> {
            System.err.println(refusal);
            System.exit(2);
        });
        SpringApplication application = new SpringApplication(ZiiklbApplication.class);
        SecretKeyCheck keyCheck = new SecretKeyCheck();
        application.addListeners(keyCheck);
        try {
            application.run(args);
        } catch (Throwable failure) {
            System.err.println(StartupFailure.sentence(failure, keyCheck.environment()));
            System.exit(1);
        }
    }
}
