package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.http.FaultTiming;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Sends webhook deliveries from one background virtual thread, one at a time, in the order they
 * were queued unless {@link DeliverySwitches#reorder()} is on; with {@link DeliverySwitches#senders()}
 * above 1, that many at once, each on a virtual thread of its own. No retries: a failed send is only
 * logged, as a delivery "may not arrive at all". The drop, duplicate and shuffle decisions come
 * from a seeded random. The log keeps the last {@value #LOG_CAPACITY} entries.
 */
final class DeliveryDispatcher implements AutoCloseable {
    // stated in DeliverySwitches#reorder and ZiikSimulator#deliveryLog
    private static final int REORDER_WINDOW = 8;
    private static final long REORDER_HOLD_MILLIS = 150;
    private static final int LOG_CAPACITY = 10_000;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private record Pending(long sequence, int webhookId, String event, String uri, byte[] body, long dueNanos) {
    }

    private final HttpClient http;
    private final String sharedSecret;
    private final Random random;
    private final Clock clock;
    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ArrayDeque<Delivery> log = new ArrayDeque<>();
    private final Thread worker;
    private final InFlight inFlight = new InFlight();
    private volatile DeliverySwitches switches = DeliverySwitches.reliable();
    private volatile FaultTiming timing = FaultTiming.REAL;
    private long lastSequence;
    private int unfinished;
    private long sent;
    private long failed;
    private long dropped;
    private long duplicated;
    private long reordered;
    private boolean closed;

    DeliveryDispatcher(HttpClient http, String sharedSecret, Random random, Clock clock) {
        this.http = http;
        this.sharedSecret = sharedSecret;
        this.random = random;
        this.clock = clock;
        this.worker = Thread.ofVirtual().name("ziik-webhook-deliveries").start(this::run);
    }

    DeliverySwitches switches() {
        return switches;
    }

    void setSwitches(DeliverySwitches newSwitches) {
        switches = newSwitches;
    }

    /** The time the delay switch counts on; tests hand-move it. */
    void setTiming(FaultTiming newTiming) {
        timing = newTiming;
    }

    /** Queues a delivery; the delay switch is read now, so it counts from the change. */
    void enqueue(int webhookId, String event, String uri, byte[] body) {
        long due = timing.nanoTime() + TimeUnit.MILLISECONDS.toNanos(switches.delayMillis());
        synchronized (lock) {
            queue.add(new Pending(++lastSequence, webhookId, event, uri, body, due));
            unfinished++;
            lock.notifyAll();
        }
    }

    /** Waits until every queued delivery has been sent or dropped. Returns false on timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (unfinished > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    int pending() {
        synchronized (lock) {
            return unfinished;
        }
    }

    DeliveryCounts counts() {
        synchronized (lock) {
            return new DeliveryCounts(sent, failed, dropped, duplicated, reordered);
        }
    }

    List<Delivery> log() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    void clearLog() {
        synchronized (lock) {
            log.clear();
        }
    }

    private void count(Delivery delivery) {
        if (delivery.dropped()) {
            dropped++;
            return;
        }
        sent++;
        duplicated += delivery.duplicate() ? 1 : 0;
        failed += delivery.status() / 100 == 2 ? 0 : 1;
    }

    /** Stops sending; deliveries still queued are discarded. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        worker.interrupt();
    }

    private void run() {
        try {
            for (List<Pending> batch = nextBatch(); batch != null; batch = nextBatch()) {
                for (Pending pending : batch) {
                    int senders = switches.senders();
                    if (senders == 1) {
                        deliver(pending);
                        finished();
                    } else {
                        inFlight.acquire(senders);
                        Thread.ofVirtual().name("ziik-webhook-delivery").start(() -> {
                            try {
                                deliver(pending);
                            } catch (InterruptedException closing) {
                                Thread.currentThread().interrupt();
                            } finally {
                                finished();
                                inFlight.release();
                            }
                        });
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        }
    }

    private void finished() {
        synchronized (lock) {
            unfinished--;
            lock.notifyAll();
        }
    }

    /** The next deliveries to send in order, or null once closed. */
    private List<Pending> nextBatch() throws InterruptedException {
        synchronized (lock) {
            while (queue.isEmpty() && !closed) {
                lock.wait();
            }
            if (closed) {
                return null;
            }
            if (!switches.reorder()) {
                return List.of(queue.poll());
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REORDER_HOLD_MILLIS);
            for (long left = deadline - System.nanoTime(); queue.size() < REORDER_WINDOW && left > 0 && !closed;
                    left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            List<Pending> batch = new ArrayList<>();
            while (batch.size() < REORDER_WINDOW && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            shuffleOutOfOrder(batch);
            return batch;
        }
    }

    /** A shuffle that never happens to keep the original order, so "reorder" always reorders. */
    private void shuffleOutOfOrder(List<Pending> batch) {
        if (batch.size() < 2) {
            return;
        }
        List<Pending> original = List.copyOf(batch);
        Collections.shuffle(batch, random);
        if (batch.equals(original)) {
            Collections.rotate(batch, 1);
        }
        reordered += batch.size(); // under the lock: nextBatch holds it
    }

    private void deliver(Pending pending) throws InterruptedException {
        long wait = pending.dueNanos() - timing.nanoTime();
        if (wait > 0) {
            // whole milliseconds, rounded up: never earlier than due
            timing.sleep((wait + 999_999) / 1_000_000);
        }
        DeliverySwitches now = switches;
        String signature = Signature.of(sharedSecret, pending.body());
        if (random.nextDouble() < now.dropRate()) {
            record(pending, signature, false, true, 0, null, clock.instant());
            return;
        }
        send(pending, signature, false);
        if (random.nextDouble() < now.duplicateRate()) {
            send(pending, signature, true);
        }
    }

    private void send(Pending pending, String signature, boolean duplicate) throws InterruptedException {
        Instant sentAt = clock.instant();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(pending.uri()))
                    .timeout(SEND_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Ziik-Webhooks (simulator)")
                    .header("X-Ziik-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pending.body()))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            record(pending, signature, duplicate, false, status, null, sentAt);
        } catch (IOException | IllegalArgumentException e) {
            record(pending, signature, duplicate, false, 0, e.toString(), sentAt);
        }
    }

    private void record(Pending p, String signature, boolean duplicate, boolean dropped, int status, String error,
                        Instant sentAt) {
        Delivery delivery = new Delivery(p.sequence(), p.webhookId(), p.event(), p.uri(),
                new String(p.body(), StandardCharsets.UTF_8), signature, duplicate, dropped, status, error, sentAt,
                clock.instant());
        synchronized (lock) {
            count(delivery);
            log.add(delivery);
            if (log.size() > LOG_CAPACITY) {
                log.poll();
            }
        }
    }

    /** Deliveries being sent side by side, at most as many as the senders switch says at the time. */
    private static final class InFlight {
        private int sending;

        synchronized void acquire(int limit) throws InterruptedException {
            while (sending >= limit) {
                wait();
            }
            sending++;
        }

        synchronized void release() {
            sending--;
            notifyAll();
        }
    }
}
