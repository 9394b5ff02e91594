package io.ziiklb.simulator.learningbank;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** One page of a filtered list, with the total number of matches. */
record Page<T>(List<T> items, long total, PageRequest request) {

    Page {
        items = List.copyOf(items);
    }

    /** At least 1, so that an empty list still has a (empty) first page. */
    long lastPage() {
        return Math.max(1, (total + request.perPage() - 1) / request.perPage());
    }

    /** Walks {@code candidates} once, counting every match and keeping those on the requested page. */
    static <T> Page<T> of(Iterable<T> candidates, Predicate<? super T> filter, PageRequest request) {
        long from = request.offset();
        long to = from + request.perPage();
        List<T> items = new ArrayList<>();
        long total = 0;
        for (T candidate : candidates) {
            if (filter.test(candidate)) {
                if (total >= from && total < to) {
                    items.add(candidate);
                }
                total++;
            }
        }
        return new Page<>(items, total, request);
    }
}
