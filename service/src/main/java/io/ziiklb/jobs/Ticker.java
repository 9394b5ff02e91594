package io.ziiklb.jobs;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a task every so often on a virtual thread until stopped; a failing run is logged and the next one comes. */
final class Ticker {
    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final String name;
    private final Duration every;
    private final Runnable task;
    private Thread thread;

    Ticker(String name, Duration every, Runnable task) {
        this.name = name;
        this.every = every;
        this.task = task;
    }

    synchronized void start() {
        thread = Thread.ofVirtual().name(name).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                    task.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("{}: {}", name, e.toString());
                }
            }
        });
    }

    synchronized void stop() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
