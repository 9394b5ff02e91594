package io.ziiklb.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Changes made in Ziik and awaited in Learningbank, by object: the bench numbers its changes, and a
 * write carrying change {@code n} of an object (an email {@code bench.<n>...}, a name
 * {@code Bench unit <n>}) is told here the moment the Learningbank simulator makes it. It counts for
 * every change to that object up to {@code n} still awaited: a newer change that arrives first
 * brings the older one's value too. Thread-safe; told on the simulator's request threads, so quick.
 */
final class Awaited {
    /** One change's figures: its number, when made and when it arrived (epoch ms). */
    record Arrival(String object, int n, long changedAt, long arrivedAt) {
        long latency() {
            return arrivedAt - changedAt;
        }
    }

    private final Map<String, ConcurrentNavigableMap<Integer, Long>> awaited = new ConcurrentHashMap<>();
    private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());

    /** Change {@code n} to {@code object} was made at {@code changedAt} (epoch ms); call before making it in Ziik. */
    void await(String object, int n, long changedAt) {
        awaited.computeIfAbsent(object, k -> new ConcurrentSkipListMap<>()).put(n, changedAt);
    }

    /** Learningbank now holds change {@code n} of {@code object}. */
    void arrived(String object, int n) {
        ConcurrentNavigableMap<Integer, Long> changes = awaited.get(object);
        if (changes == null) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<Integer, Long> change = changes.firstEntry(); change != null && change.getKey() <= n;
                change = changes.firstEntry()) {
            if (changes.remove(change.getKey(), change.getValue())) {
                arrivals.add(new Arrival(object, change.getKey(), change.getValue(), now));
            }
        }
    }

    int stillAwaited() {
        return awaited.values().stream().mapToInt(Map::size).sum();
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }
}
