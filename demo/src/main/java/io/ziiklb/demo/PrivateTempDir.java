package io.ziiklb.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's temporary files (the embedded Tomcat's directories, the simulators' logs) go into a
 * directory of this run's own under {@code demo/target/}, which {@code ./ziiklb demo} makes and
 * passes as {@code java.io.tmpdir} (the JDK reads that property once, at start), and which is
 * removed here when the demo ends, Ctrl-C included: nothing is left in {@code /tmp}.
 */
final class PrivateTempDir {
    private PrivateTempDir() {
    }

    /** Removes the JVM's temporary directory at exit when it is one of the demo's own; leaves any other alone. */
    static void removeAtExit(Path home) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dir.startsWith(home.resolve("demo/target")) && !dir.equals(home.resolve("demo/target"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "demo-temp-cleanup"));
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException alreadyGone) {
            // nothing left to remove
        }
    }
}
