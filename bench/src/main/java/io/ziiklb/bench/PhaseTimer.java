package io.ziiklb.bench;

import io.ziiklb.sync.FullSync;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How long each phase of a synchronisation took. */
final class PhaseTimer implements FullSync.Progress {
    private final Map<FullSync.Phase, Long> startedAt = new EnumMap<>(FullSync.Phase.class);
    private final Map<FullSync.Phase, Long> took = new EnumMap<>(FullSync.Phase.class);
    private FullSync.Phase current;

    @Override
    public synchronized void update(FullSync.Phase phase, int done, int total) {
        if (phase != current) {
            long now = System.nanoTime();
            if (current != null) {
                took.put(current, now - startedAt.get(current));
            }
            current = phase;
            startedAt.put(phase, now);
        }
    }

    synchronized void end() {
        if (current != null) {
            took.put(current, System.nanoTime() - startedAt.get(current));
            current = null;
        }
    }

    synchronized double seconds(FullSync.Phase phase) {
        return took.getOrDefault(phase, 0L) / 1e9;
    }

    @Override
    public synchronized String toString() {
        return took.entrySet().stream().filter(e -> e.getKey() != FullSync.Phase.DONE)
                .map(e -> e.getKey().name().toLowerCase().replace('_', ' ') + String.format(" %.2f s", e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }
}
