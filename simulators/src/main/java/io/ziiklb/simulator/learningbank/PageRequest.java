package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;

/**
 * The {@code page} and {@code per_page} of a list call. Both default (1 and 50) when absent or
 * empty; a value that is not a positive integer answers 400 {@code bad_request}; a
 * {@code per_page} above 200 is clamped to 200 (and {@code meta.per_page} says so).
 */
record PageRequest(int page, int perPage) {
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 200;

    static PageRequest from(SimRequest request) {
        int page = positive(request, "page", 1);
        int perPage = Math.min(MAX_PER_PAGE, positive(request, "per_page", DEFAULT_PER_PAGE));
        return new PageRequest(page, perPage);
    }

    long offset() {
        return (long) (page - 1) * perPage;
    }

    private static int positive(SimRequest request, String name, int fallback) {
        String raw = request.queryParam(name).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as a non-positive number
        }
        throw SimProblem.badRequest(name + " must be a positive integer, got '" + raw + "'");
    }
}
