package io.ziiklb.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged service in a process of its own, which the soak kills with SIGKILL
 * ({@link Process#destroyForcibly()}) and starts again on the same port and database. Every life
 * of it writes to one log file, so a crash can be read afterwards.
 */
final class ServiceInstance implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private volatile Process process;
    private volatile boolean deleteLog;

    ServiceInstance(String name, Path jar, int port, Map<String, String> environment, List<String> arguments) throws IOException {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.arguments = arguments;
        this.log = Files.createTempFile("ziiklb-soak-" + name + "-", ".log");
    }

    String name() {
        return name;
    }

    String origin() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts a new life and waits until it is healthy; returns how long that took. */
    Duration start() throws IOException, InterruptedException {
        Instant began = Instant.now();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:MaxGCPauseMillis=50", "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("ZIIKLB_PORT", Integer.toString(port));
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(120));
        return Duration.between(began, Instant.now());
    }

    /** SIGKILL: no shutdown hook runs, leases stay held until they expire, a request in flight gets no answer. */
    void kill() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    private void awaitHealthy(Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("service " + name + " exited at start; its log: " + log);
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(origin() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("service " + name + " was not healthy within " + limit.toSeconds() + " s; its log: " + log);
    }

    /** Deletes the log when closed (a soak that passed has nothing to read in it). */
    void deleteLogOnClose() {
        deleteLog = true;
    }

    /** Stops gracefully (SIGTERM), and forcibly if that takes longer than 20 s. */
    @Override
    public void close() throws InterruptedException {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
        if (deleteLog) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a temporary file: left for the system to clear
            }
        }
    }
}
