package io.ziiklb.simulator;

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

/**
 * One of the project's jars running in a JVM of its own, as the demo and the benchmarks use them
 * (a simulator, or the service): it shares neither the heap nor the CPU accounting of what is
 * measured, and it ends with its parent.
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ChildJvm(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code peer} ({@code ziik} or {@code learningbank}) on {@code port} (0: a free one) and
     * waits until it answers.
     */
    public static ChildJvm simulator(Path jar, String peer, int requestedPort, List<String> options) throws IOException {
        int port = requestedPort != 0 ? requestedPort : freePort();
        List<String> arguments = new ArrayList<>(List.of(peer, "--port", Integer.toString(port),
                "--exit-with-parent", Long.toString(ProcessHandle.current().pid())));
        arguments.addAll(options);
        return start(peer + " simulator", jar, port, List.of(), arguments, Map.of(), "/_sim/faults");
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar> <arguments>} with {@code environment} added, and
     * waits until {@code readyPath} on {@code port} answers 200.
     */
    public static ChildJvm start(String name, Path jar, int port, List<String> jvmOptions, List<String> arguments,
                                 Map<String, String> environment, String readyPath) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                // its temporary files where this JVM keeps its own (the demo's and the tests' are not /tmp)
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        Path log = Files.createTempFile("ziiklb-" + name.replace(' ', '-') + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ChildJvm child = new ChildJvm(name, builder.start(), log, port);
        child.awaitReady(readyPath, Duration.ofSeconds(90));
        return child;
    }

    /** A free port on the loopback address. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The CPU time this JVM has used so far (user and system, all its threads), as the operating
     * system counts it: zero once it has ended, or where the system does not say.
     */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private void awaitReady(String readyPath, Duration limit) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited at start; its output:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(origin() + readyPath))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            sleep();
        }
        throw new IOException(name + " did not answer within " + limit.toSeconds() + " s; log: " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
