package io.ziiklb.http;

import java.time.Duration;

/** Waits. Injected so that tests move on instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
