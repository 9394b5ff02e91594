package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Where the engine takes its time and chance from: the clock it stamps and measures by, how it
 * waits (between retries, out a 429) and the randomness of its backoff jitter. One value is wired
 * in production; tests give a clock they move and a sleeper that does not sleep.
 */
public record Timing(Clock clock, Sleeper sleeper, RandomGenerator random) {
}
