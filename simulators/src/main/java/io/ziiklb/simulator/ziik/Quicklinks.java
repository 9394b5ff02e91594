package io.ziiklb.simulator.ziik;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant's quicklinks, in id order (ids only grow). Thread-safe. */
final class Quicklinks {
    private final Map<Integer, Quicklink> byId = new LinkedHashMap<>();
    private int lastId;

    synchronized Quicklink add(String name, String link, Quicklink.Visibility visibility) {
        Quicklink quicklink = new Quicklink(++lastId, name, link, visibility);
        byId.put(quicklink.id(), quicklink);
        return quicklink;
    }

    synchronized Optional<Quicklink> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return false when there is no such quicklink */
    synchronized boolean replace(Quicklink changed) {
        return byId.replace(changed.id(), changed) != null;
    }

    synchronized boolean remove(int id) {
        return byId.remove(id) != null;
    }

    synchronized List<Quicklink> all() {
        return List.copyOf(byId.values());
    }
}
