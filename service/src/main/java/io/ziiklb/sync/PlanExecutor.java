package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankRateLimitedException;
import io.ziiklb.learningbank.LearningbankUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * Runs a plan: every step once all the steps it waits for have finished, a bounded number at a
 * time (the Learningbank client bounds the calls in flight and paces them to the rate Learningbank
 * allows). Transient failures are retried with backoff; a step answered 429 waits as long as
 * Learningbank asks and is tried again, while the others go on at the rate the client's pacer cut
 * (which holds them all only for a long {@code Retry-After}). A step that fails for good is
 * recorded and the rest go on (rule O3). Rejected credentials, or Learningbank failing again and
 * again, skip the rest. Held steps are not run. Before every attempt the context's
 * {@link WriteGate} is asked whether the integration may still write: once it closes (disabled or
 * removed, rule L4) the rest is not run and the run ends with {@link WritesStopped}. One instance
 * runs one plan at a time.
 */
public final class PlanExecutor {
    private static final int MAX_RATE_LIMITED = 100;
    private final StepRunner runner;
    private final ExecutionPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final WriteGate gate;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicReference<String> abortReason = new AtomicReference<>();
    private final AtomicReference<String> closedBecause = new AtomicReference<>();

    /** Places users in {@code tree} under Learningbank's {@code topDepartmentId}; writes to the context's peer and links. */
    public PlanExecutor(SyncContext context, UnitTree tree, String topDepartmentId) {
        this.runner = new StepRunner(context.learningbank(), context.links(), tree, topDepartmentId);
        this.policy = context.policy();
        this.sleeper = context.timing().sleeper();
        this.random = context.timing().random();
        this.gate = context.gate();
    }

    /** An executor for plans that refer to no units (a roles-only plan). */
    public static PlanExecutor withoutUnits(SyncContext context) {
        return new PlanExecutor(context, null, null);
    }

    /**
     * Runs the plan; {@code listener} hears of each step as it ends (from worker threads).
     *
     * @throws WritesStopped when the write gate closed before the plan ran to its end
     */
    public ExecutionReport run(Plan plan, StepListener listener) throws InterruptedException {
        Run run = start(listener);
        try {
            run.submit(plan.steps());
            return run.finish();
        } finally {
            run.close();
        }
    }

    /**
     * Starts running steps that are handed over while the plan is still being made (a pipelined
     * full synchronisation): each starts once the steps it waits for have ended, whether they were
     * handed over earlier or with it. {@link Run#finish()} waits for all and reports.
     */
    public Run start(StepListener listener) {
        return new Run(listener);
    }

    /** Steps running for one plan, handed over in parts. Thread-safe. */
    public final class Run implements AutoCloseable {
        private final StepListener listener;
        private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        private final Map<Integer, Integer> unmet = new HashMap<>();
        private final Map<Integer, List<Plan.Step>> waiting = new HashMap<>();
        private final Set<Integer> ended = new HashSet<>();
        private final Deque<Plan.Step> ready = new ArrayDeque<>();
        private final List<StepResult> results = new ArrayList<>();
        private int submitted;
        private int running;
        private boolean closed;
        private RuntimeException listenerFailure;

        private Run(StepListener listener) {
            this.listener = listener;
        }

        /**
         * Hands over steps; each may wait for steps handed over before or with it.
         *
         * @throws WritesStopped when the write gate has closed: nothing more is run, so stop planning
         */
        public synchronized void submit(List<Plan.Step> steps) {
            if (listenerFailure != null) {
                throw listenerFailure;
            }
            if (closedBecause.get() != null) {
                throw new WritesStopped(closedBecause.get());
            }
            for (Plan.Step step : steps) {
                submitted++;
                int open = 0;
                for (int before : step.after()) {
                    if (!ended.contains(before)) {
                        open++;
                        waiting.computeIfAbsent(before, k -> new ArrayList<>()).add(step);
                    }
                }
                if (open == 0) {
                    ready.add(step);
                } else {
                    unmet.put(step.index(), open);
                }
            }
            dispatch();
        }

        /**
         * Waits until every step handed over has ended.
         *
         * @throws WritesStopped when the write gate closed before then
         */
        public ExecutionReport finish() throws InterruptedException {
            synchronized (this) {
                while (results.size() < submitted) {
                    if (running == 0 && ready.isEmpty()) { // a cycle, or a step waiting for one never handed over: a planner bug
                        throw new IllegalStateException("plan has steps that can never run: " + (submitted - results.size()));
                    }
                    wait();
                }
                if (listenerFailure != null) {
                    throw listenerFailure;
                }
            }
            if (closedBecause.get() != null) {
                throw new WritesStopped(closedBecause.get());
            }
            return new ExecutionReport(results, abortReason.get());
        }

        /** Waits for the steps in flight to end (their links stored); starts no more, and retries none. */
        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                if (results.size() < submitted) {
                    abortReason.compareAndSet(null, "stopped before the end");
                }
            }
            workers.close();
        }

        /** Starts ready steps while there is room. Called holding the lock. */
        private void dispatch() {
            while (!closed && !ready.isEmpty() && running < policy.stepsInFlight()) {
                Plan.Step step = ready.poll();
                running++;
                workers.execute(() -> ended(step.held() ? StepResult.of(step, StepOutcome.HELD, null) : runStep(step)));
            }
        }

        private void ended(StepResult result) {
            RuntimeException failure = null;
            try {
                listener.finished(result);
            } catch (RuntimeException e) { // the listener stops the run (its synchronisation was stopped, say)
                failure = e;
            }
            synchronized (this) {
                running--;
                results.add(result);
                ended.add(result.step().index());
                if (failure != null && listenerFailure == null) {
                    listenerFailure = failure;
                    abortReason.compareAndSet(null, "stopped: " + failure.getMessage());
                }
                for (Plan.Step next : waiting.getOrDefault(result.step().index(), List.of())) {
                    if (unmet.merge(next.index(), -1, Integer::sum) == 0) {
                        unmet.remove(next.index());
                        ready.add(next);
                    }
                }
                waiting.remove(result.step().index());
                dispatch();
                notifyAll();
            }
        }
    }

    private StepResult runStep(Plan.Step step) {
        boolean mayHaveApplied = false;
        int attempt = 0;
        int rateLimited = 0;
        while (true) {
            if (abortReason.get() != null || Thread.currentThread().isInterrupted() || writesClosed()) {
                return new StepResult(step, StepOutcome.SKIPPED, null, null);
            }
            try {
                StepResult result = runner.run(step, mayHaveApplied);
                failuresInARow.set(0);
                return result;
            } catch (LearningbankRateLimitedException e) {
                if (++rateLimited > MAX_RATE_LIMITED) {
                    return StepResult.failed(step, null, e.code(), "still rate limited after " + MAX_RATE_LIMITED + " waits");
                }
                sleep(e.retryAfter()); // this step only: the client's pacer slows the others down
            } catch (LearningbankUnavailableException e) {
                mayHaveApplied |= e.mayHaveApplied();
                attempt++;
                if (failuresInARow.incrementAndGet() >= policy.giveUpAfterFailures()) {
                    abortReason.compareAndSet(null, "Learningbank keeps failing: " + e.getMessage());
                }
                if (attempt >= policy.maxAttempts()) {
                    return StepResult.failed(step, null, e.code(), "gave up after " + attempt + " attempts: " + e.getMessage());
                }
                sleep(policy.backoff(attempt, random));
            } catch (LearningbankException e) { // 401: no step can succeed now
                abortReason.compareAndSet(null, "Learningbank rejected the credentials: " + e.getMessage());
            } catch (RuntimeException e) {
                return StepResult.failed(step, null, ProblemCode.INTERNAL_ERROR.wireName(), e.toString());
            }
        }
    }

    private boolean writesClosed() {
        if (closedBecause.get() != null) {
            return true;
        }
        gate.closedBecause().ifPresent(reason -> closedBecause.compareAndSet(null, reason));
        return closedBecause.get() != null;
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hears of each step as it ends, on the thread that ran it and outside the executor's lock:
     * steps ending side by side tell it at the same time, so it must be thread-safe.
     */
    @FunctionalInterface
    public interface StepListener {
        void finished(StepResult result);
    }
}
