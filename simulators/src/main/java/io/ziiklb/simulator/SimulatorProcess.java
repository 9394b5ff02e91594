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

/**
 * A simulator running as a child process ({@code java -jar ziiklb-simulators-standalone.jar ...}),
 * as the demo and the benchmarks use them: in a JVM of its own, so it neither shares the heap nor
 * the CPU accounting of what is measured.
 */
public final class SimulatorProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private SimulatorProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code peer} ({@code ziik} or {@code learningbank}) on {@code port} (0: a free one) and
     * waits until it answers.
     */
    public static SimulatorProcess start(Path jar, String peer, int requestedPort, List<String> options) throws IOException {
        int port = requestedPort != 0 ? requestedPort : freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(), peer,
                "--port", Integer.toString(port), "--exit-with-parent", Long.toString(ProcessHandle.current().pid())));
        command.addAll(options);
        Path log = Files.createTempFile("ziiklb-" + peer + "-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SimulatorProcess sim = new SimulatorProcess(peer, process, log, port);
        sim.awaitReady(Duration.ofSeconds(60));
        return sim;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration limit) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " simulator exited at start; its output:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(origin() + "/_sim/faults"))
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
        throw new IOException(name + " simulator did not answer within " + limit.toSeconds() + " s; log: " + log);
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
