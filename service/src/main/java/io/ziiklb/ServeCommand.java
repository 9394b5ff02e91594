package io.ziiklb;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The packaged jar's command line: {@code java -jar ziiklb.jar serve [--property=value ...]}, as
 * {@code ./ziiklb serve} runs it. {@code serve} may be left out; any other word is refused with
 * the usage (a mistyped command must not start a service).
 */
final class ServeCommand {
    static final String USAGE = "usage: java -jar ziiklb.jar serve [--spring.property=value ...]"
            + " (configuration comes from the ZIIKLB_* environment; see the README)";

    private ServeCommand() {
    }

    /** Why these arguments cannot start the service, if they cannot. */
    static Optional<String> refusal(String[] args) {
        List<String> words = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (words.isEmpty() || words.equals(List.of("serve"))) {
            return Optional.empty();
        }
        return Optional.of("ziiklb: unknown command \"" + String.join(" ", words) + "\"; " + USAGE);
    }
}
