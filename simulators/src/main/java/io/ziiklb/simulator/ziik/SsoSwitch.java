package io.ziiklb.simulator.ziik;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Ziik's automatic sign-in to Learningbank is on, and with which settings. Turning it off
 * keeps the last platform address, so the home page can still show the Learningbank links, as
 * plain links, the way Ziik shows them without the integration.
 */
final class SsoSwitch {
    private record State(SsoSettings settings, boolean on) {
    }

    private final AtomicReference<State> state = new AtomicReference<>();

    void turnOn(SsoSettings settings) {
        state.set(new State(settings, true));
    }

    void turnOff() {
        state.updateAndGet(s -> s == null ? null : new State(s.settings(), false));
    }

    /** The settings while it is on. */
    Optional<SsoSettings> on() {
        State s = state.get();
        return s != null && s.on() ? Optional.of(s.settings()) : Optional.empty();
    }

    /** The settings last turned on, on or off now; empty when it was never on. */
    Optional<SsoSettings> lastSettings() {
        State s = state.get();
        return s == null ? Optional.empty() : Optional.of(s.settings());
    }
}
