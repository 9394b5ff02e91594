package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankRateLimitedException;
import io.ziiklb.learningbank.LearningbankUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
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
        int n = plan.steps().size();
        int[] waitingFor = new int[n];
        List<List<Integer>> dependents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dependents.add(new ArrayList<>());
        }
        for (Plan.Step step : plan.steps()) {
            for (int before : step.after()) {
                waitingFor[step.index()]++;
                dependents.get(before).add(step.index());
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        BlockingQueue<StepResult> finished = new LinkedBlockingQueue<>();
        List<StepResult> results = new ArrayList<>(n);
        int running = 0;
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            while (results.size() < n) {
                while (!ready.isEmpty() && running < policy.stepsInFlight()) {
                    Plan.Step step = plan.steps().get(ready.poll());
                    if (step.held()) {
                        finished.add(StepResult.of(step, StepOutcome.HELD, null));
                    } else {
                        workers.execute(() -> finished.add(runStep(step)));
                    }
                    running++;
                }
                if (running == 0) { // only a cycle among steps could leave some unreachable: a planner bug
                    throw new IllegalStateException("plan has steps that can never run: a cycle among " + (n - results.size()));
                }
                StepResult result = finished.take();
                running--;
                results.add(result);
                listener.finished(result);
                for (int next : dependents.get(result.step().index())) {
                    if (--waitingFor[next] == 0) {
                        ready.add(next);
                    }
                }
            }
        }
        if (closedBecause.get() != null) {
            throw new WritesStopped(closedBecause.get());
        }
        return new ExecutionReport(results, abortReason.get());
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

    /** Hears of each step as it ends. */
    @FunctionalInterface
    public interface StepListener {
        void finished(StepResult result);
    }
}
