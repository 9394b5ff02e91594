package io.ziiklb.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds peer URLs from a base, a path and query parameters. */
public final class Urls {
    private Urls() {
    }

    /** {@code base} without a trailing slash. */
    public static String trimBase(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code base + path + ?k=v&...}, every value percent-encoded. */
    public static URI of(String base, String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(base).append(path);
        char separator = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            url.append(separator).append(e.getKey()).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    /** Percent-encodes one path segment or query value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
