package io.ziiklb.testing;

import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * The packaged service ({@code target/ziiklb-service-exec.jar}) in a process of its own, as an
 * operator runs it, so a test can kill it with SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts it with the {@code ZIIKLB_*} environment given and waits until it is healthy. */
    public static ServiceProcess start(Map<String, String> environment, List<String> arguments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = command(arguments);
        Path log = Files.createTempFile("ziiklb-service-", ".log"); // the tests' temporary directory is under target/
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("ZIIKLB_PORT", Integer.toString(port));
        builder.environment().putIfAbsent("ZIIKLB_PUBLIC_URL", "http://127.0.0.1:" + port);
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        service.awaitHealthy(Duration.ofSeconds(60));
        return service;
    }

    /** How a start that was meant to fail ended: its exit status, and what it printed on each stream. */
    public record Exit(int status, String out, String err) {
    }

    /**
     * Runs the service in {@code workDir} with exactly the {@code ZIIKLB_*} environment given (none
     * inherited) until it exits by itself, for a start that cannot go on.
     *
     * @throws IllegalStateException when it is still running after {@code limit}
     */
    public static Exit runUntilExit(Map<String, String> environment, Path workDir, Duration limit) throws Exception {
        Files.createDirectories(workDir);
        Path out = workDir.resolve("stdout.log");
        Path err = workDir.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(command(List.of())).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ZIIKLB_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the service was still running after " + limit + "; its output:\n" + Files.readString(out));
        }
        return new Exit(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** {@code java -jar} the packaged service, its temporary files where this JVM keeps its own. */
    private static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-jar", Path.of("target/ziiklb-service-exec.jar").toAbsolutePath().toString()));
        command.addAll(arguments);
        return command;
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitHealthy(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited at start:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(origin() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not become healthy; log: " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
