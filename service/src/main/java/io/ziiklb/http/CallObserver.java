package io.ziiklb.http;

import java.time.Duration;

/** Hears of every call to a peer: for metrics. Must be quick and must not throw. */
@FunctionalInterface
public interface CallObserver {
    CallObserver NONE = (method, status, took) -> { };

    /** @param status the HTTP status, or 0 when no answer came back */
    void observe(String method, int status, Duration took);
}
