package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankRateLimitedException;
import io.ziiklb.ziik.ZiikException;
import io.ziiklb.ziik.ZiikRateLimitedException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retries a read that failed transiently (5xx, timeout, dropped connection, 429) with the execution
 * policy's backoff, or as long as a 429 asks. Only for reads: a write's retry must look first for
 * what the lost attempt may have made, which {@link StepRunner} does.
 */
final class Retrier {
    private final ExecutionPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    Retrier(ExecutionPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    <T> T read(Supplier<T> read) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (LearningbankException | ZiikException e) {
                boolean transientFailure = e instanceof LearningbankException l ? l.transientFailure()
                        : ((ZiikException) e).transientFailure();
                if (!transientFailure || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                Duration wait = e instanceof LearningbankRateLimitedException r ? r.retryAfter()
                        : e instanceof ZiikRateLimitedException r ? r.retryAfter()
                        : policy.backoff(attempt, random);
                sleeper.sleep(wait);
            }
        }
    }
}
