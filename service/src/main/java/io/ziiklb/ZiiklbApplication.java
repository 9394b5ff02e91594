package io.ziiklb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** {@code ./ziiklb serve}: the service. Configuration comes from the {@code ZIIKLB_*} environment. */
@SpringBootApplication
public class ZiiklbApplication {

    public static void main(String[] args) {
        ServeCommand.refusal(args).ifPresent(refusal -> {
            System.err.println(refusal);
            System.exit(2);
        });
        SpringApplication.run(ZiiklbApplication.class, args);
    }
}
