package io.ziiklb;

import io.ziiklb.integration.KeyRotation;
import io.ziiklb.integration.SecretBox;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.env.Environment;

/**
 * Why a start could not go on, as one plain sentence that says what is wrong and how to fix it:
 * the operator reads it on standard error, not inside a JSON log field among the framework's lines.
 * Never quotes a key, a password, or a database URL's parameters.
 */
public final class StartupFailure {
    private static final int MAX_MESSAGE = 200;

    private StartupFailure() {
    }

    /** Whether the failure is one of those with a sentence of their own (not "could not start: ..."). */
    public static boolean known(Throwable failure) {
        return specific(failure, null).isPresent();
    }

    /**
     * @param environment the configuration read, to name the database by; null when unknown
     */
    public static String sentence(Throwable failure, Environment environment) {
        return specific(failure, environment).orElseGet(() -> {
            Throwable root = failure;
            for (Throwable t : chain(failure)) {
                root = t;
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines()
                    .findFirst().orElse("");
            return "The service could not start (" + shorten(message) + "); the log above has the details.";
        });
    }

    private static Optional<String> specific(Throwable failure, Environment environment) {
        return first(failure, t -> t instanceof SecretBox.BadKey || t instanceof KeyRotation.CredentialsDoNotOpen
                ? sentenceOf(t.getMessage()) : null)
                .or(() -> first(failure, t -> t instanceof PortInUseException port
                        ? "Port " + port.getPort() + " is already in use: stop what listens there, or set ZIIKLB_PORT to a free port."
                        : null))
                .or(() -> first(failure, t -> t instanceof SQLException sql ? database(sql, environment) : null));
    }

    /** A database that cannot be reached or opened; null for another SQL failure (a migration's, say). */
    private static String database(SQLException e, Environment environment) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = state.startsWith("28") ? "it refused the user name or password"
                : state.equals("3D000") ? "that database does not exist"
                : state.startsWith("08") ? "it does not answer there"
                : state.equals("53300") ? "it has no connection left for this service" // PostgreSQL: too many clients
                : e.getErrorCode() == 90020 ? "another process has it open" // H2: the file is locked
                : e.getErrorCode() == 90028 || e.getErrorCode() == 90013 ? "its file cannot be opened" // H2: IO, not found
                : null;
        if (why == null) {
            return null;
        }
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        return "The service cannot reach its database" + (url == null ? "" : " at " + withoutParameters(url)) + " (" + why
                + "): check that it is running and that ZIIKLB_DB_URL, ZIIKLB_DB_USER and ZIIKLB_DB_PASSWORD are right.";
    }

    /** The URL up to its parameters, which may hold a password; without user info. */
    static String withoutParameters(String url) {
        String cut = url.split("[?;]", 2)[0];
        return cut.replaceFirst("//[^/@]*@", "//");
    }

    private static Optional<String> first(Throwable failure, Function<Throwable, String> sentence) {
        for (Throwable t : chain(failure)) {
            String s = sentence.apply(t);
            if (s != null) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The failure and its causes, outermost first, each once. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            all.add(t);
            if (t instanceof SQLException sql && sql.getNextException() != null && seen.add(sql.getNextException())) {
                all.add(sql.getNextException());
            }
        }
        return all;
    }

    private static String sentenceOf(String message) {
        String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    private static String shorten(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
