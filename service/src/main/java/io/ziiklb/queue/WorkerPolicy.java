package io.ziiklb.queue;

import java.time.Duration;

/**
 * How a process works the queue.
 *
 * @param workers items worked on at once by this process; changes may use half as many again (see {@link QueueWorker})
 * @param poll    longest wait between looks at the queue when nothing wakes the worker
 * @param lease   how long a claim holds an item; renewed every third of it while the work runs
 */
public record WorkerPolicy(int workers, Duration poll, Duration lease) {

    public static WorkerPolicy defaults() {
        return new WorkerPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    Duration renewEvery() {
        return lease.dividedBy(3);
    }
}
