package io.ziiklb.sync;

import io.ziiklb.ziik.ZiikUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * Ziik's unit tree: parents, the top unit, and "the nearest ancestor that ..." walks. A unit whose
 * parent is not in the tree hangs under the top unit.
 */
public final class UnitTree {
    private final Map<Long, ZiikUnit> units = new HashMap<>();
    private final Map<Long, List<ZiikUnit>> children = new HashMap<>();
    private final ZiikUnit top;

    public UnitTree(List<ZiikUnit> all) {
        ZiikUnit foundTop = null;
        for (ZiikUnit unit : all) {
            units.put(unit.id(), unit);
            if (unit.isTop() && (foundTop == null || unit.id() < foundTop.id())) {
                foundTop = unit;
            }
        }
        if (foundTop == null) {
            throw new IllegalArgumentException("Ziik's unit tree has no top unit");
        }
        top = foundTop;
        for (ZiikUnit unit : all) {
            if (unit.id() != top.id()) {
                children.computeIfAbsent(parentOf(unit.id()), k -> new ArrayList<>()).add(unit);
            }
        }
        children.values().forEach(list -> list.sort(Comparator.comparingLong(ZiikUnit::id)));
    }

    public ZiikUnit top() {
        return top;
    }

    public Optional<ZiikUnit> unit(long id) {
        return Optional.ofNullable(units.get(id));
    }

    /** The parent's id; the top unit's for a unit whose parent is unknown; null for the top unit. */
    public Long parentOf(long id) {
        ZiikUnit unit = units.get(id);
        if (unit == null || unit.id() == top.id()) {
            return null;
        }
        Long parent = unit.parentId();
        return parent != null && units.containsKey(parent) && parent != id ? parent : top.id();
    }

    /**
     * The nearest of {@code id} and its ancestors that {@code wanted} accepts; the top unit when
     * none does. A unit not in the tree counts only as itself.
     */
    public long nearest(long id, LongPredicate wanted) {
        if (!units.containsKey(id)) {
            return wanted.test(id) ? id : top.id();
        }
        int guard = units.size();
        for (Long at = id; at != null && guard-- >= 0; at = parentOf(at)) {
            if (wanted.test(at)) {
                return at;
            }
        }
        return top.id();
    }

    /**
     * The department that stands for {@code unitId} by the links as they are: the unit's own, else
     * its nearest linked ancestor's, at the latest the top department (rules P3 and U6: a unit with
     * no department of its own, in a name conflict or not linked yet, places its members there).
     *
     * @param linkedDepartment a unit's linked department, if it has one
     */
    public String departmentFor(long unitId, LongFunction<Optional<String>> linkedDepartment, String topDepartmentId) {
        long unit = nearest(unitId, u -> u == top.id() || linkedDepartment.apply(u).isPresent());
        return unit == top.id() ? topDepartmentId : linkedDepartment.apply(unit).orElse(topDepartmentId);
    }

    /** The strict ancestors of {@code id}, nearest first, ending with the top unit. */
    public List<Long> ancestors(long id) {
        List<Long> ancestors = new ArrayList<>();
        int guard = units.size();
        for (Long at = parentOf(id); at != null && guard-- >= 0; at = parentOf(at)) {
            ancestors.add(at);
        }
        return ancestors;
    }

    /** Every unit, parents before children, siblings by id. */
    public List<ZiikUnit> topDown() {
        List<ZiikUnit> order = new ArrayList<>(units.size());
        Deque<ZiikUnit> queue = new ArrayDeque<>(List.of(top));
        while (!queue.isEmpty()) {
            ZiikUnit unit = queue.poll();
            order.add(unit);
            queue.addAll(children.getOrDefault(unit.id(), List.of()));
        }
        return order;
    }
}
