package io.ziiklb.learningbank;

import java.util.List;

/** One page of a list. */
public record LbPage<T>(List<T> data, int page, int perPage, long total, int lastPage) {

    public boolean last() {
        return page >= lastPage;
    }
}
