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
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-jar", Path.of("target/ziiklb-service-exec.jar").toAbsolutePath().toString()));
        command.addAll(arguments);
        Path log = Files.createTempFile("ziiklb-service-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("ZIIKLB_PORT", Integer.toString(port));
        builder.environment().putIfAbsent("ZIIKLB_PUBLIC_URL", "http://127.0.0.1:" + port);
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        service.awaitHealthy(Duration.ofSeconds(60));
        return service;
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
