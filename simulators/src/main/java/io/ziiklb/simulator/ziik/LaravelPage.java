package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One page of a Laravel-style list, as Ziik pages (users-list.json): {@code data}, {@code links}
 * with absolute URLs and {@code meta}. {@code ?limit=} defaults to 50 and is clamped to 1..100;
 * a missing or unparsable {@code ?page=} is page 1, as in Laravel; a page past the end is empty.
 * The links keep the request's other query parameters ({@code limit}, {@code inactive},
 * {@code flatten}...), so following {@code links.next} stays in the same list.
 */
record LaravelPage(int page, int limit) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /** @throws io.ziiklb.simulator.http.SimProblem 422 when {@code limit} is not a number */
    static LaravelPage of(SimRequest request) {
        int page = request.queryParam("page").map(LaravelPage::parseOrNull).filter(p -> p != null && p > 0).orElse(1);
        int limit = request.queryParam("limit").map(l -> {
            Integer parsed = parseOrNull(l);
            if (parsed == null) {
                throw LaravelErrors.invalid("limit", "The limit must be an integer.");
            }
            return Math.clamp(parsed, 1, MAX_LIMIT);
        }).orElse(DEFAULT_LIMIT);
        return new LaravelPage(page, limit);
    }

    /**
     * Renders this page of a list of {@code total} rows.
     *
     * @param origin {@code http://host:port}, for the absolute links
     * @param rowAt  renders the row at an index of the whole list
     */
    Map<String, Object> render(SimRequest request, String origin, int total, IntFunction<Object> rowAt) {
        int lastPage = Math.max(1, (total + limit - 1) / limit);
        long offset = (long) (page - 1) * limit;
        List<Object> data = new ArrayList<>();
        for (long i = offset; i < Math.min(total, offset + limit); i++) {
            data.add(rowAt.apply((int) i));
        }
        String path = origin + request.path();
        return object("data", data,
                "links", object("first", link(request, path, 1), "last", link(request, path, lastPage),
                        "prev", page > 1 ? link(request, path, page - 1) : null,
                        "next", page < lastPage ? link(request, path, page + 1) : null),
                "meta", object("current_page", page, "from", data.isEmpty() ? null : offset + 1,
                        "last_page", lastPage, "path", path, "per_page", limit,
                        "to", data.isEmpty() ? null : offset + data.size(), "total", total));
    }

    private static String link(SimRequest request, String path, int page) {
        StringBuilder url = new StringBuilder(path).append('?');
        request.query().forEach((k, v) -> {
            if (!k.equals("page")) {
                url.append(encode(k)).append('=').append(encode(v)).append('&');
            }
        });
        return url.append("page=").append(page).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Integer parseOrNull(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
