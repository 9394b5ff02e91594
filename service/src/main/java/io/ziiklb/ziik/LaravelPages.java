package io.ziiklb.ziik;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Ziik's Laravel-style lists: {@code ?page=1, 2, ...&limit=}, {@code {"data": [...], "links":
 * {"next"}, "meta": {"last_page"}}}, followed until {@code links.next} is null (or, without
 * links, up to {@code meta.last_page}).
 */
final class LaravelPages {
    private LaravelPages() {
    }

    /**
     * Reads every page, handing each page's items to {@code each} as soon as it is in.
     *
     * @param get reads one page, given the query with its page and limit
     * @return how many items the last page's {@code meta.total} says the list holds, -1 when it does not say
     */
    static <T> int read(Function<Map<String, String>, JsonNode> get, Map<String, String> query, int pageSize,
                         Function<JsonNode, T> reader, Consumer<List<T>> each) {
        for (int page = 1; ; page++) {
            Map<String, String> pageQuery = new LinkedHashMap<>(query);
            pageQuery.put("page", Integer.toString(page));
            pageQuery.put("limit", Integer.toString(pageSize));
            JsonNode answer = get.apply(pageQuery);
            JsonNode data = answer.path("data");
            List<T> items = new ArrayList<>(data.size());
            for (JsonNode item : data) {
                items.add(reader.apply(item));
            }
            each.accept(items);
            if (!hasNextPage(answer, page) || data.isEmpty()) {
                return answer.path("meta").path("total").asInt(-1);
            }
        }
    }

    private static boolean hasNextPage(JsonNode answer, int page) {
        JsonNode next = answer.path("links").path("next");
        if (!next.isMissingNode()) {
            return !next.isNull();
        }
        return page < answer.path("meta").path("last_page").asInt(page);
    }
}
