package io.ziiklb.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request the security chain refuses (401 or 403): the status, the method, the
 * path and why, so that an operator can see a misconfigured scraper or someone probing. Never the
 * query string nor any header: a token sent to the wrong place must not end up in the log. The
 * path is cut short and stripped of control characters, so a crafted path cannot forge log lines.
 */
final class RefusedRequests {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedRequests.class);
    static final int PATH_SHOWN = 120;

    private RefusedRequests() {
    }

    static void unauthorized(HttpServletRequest request) {
        LOG.info("refused {} {} with 401: {}", method(request), path(request),
                request.getHeader("Authorization") == null ? "no credentials" : "credentials not accepted");
    }

    static void forbidden(HttpServletRequest request) {
        LOG.info("refused {} {} with 403: these credentials do not give access here", method(request), path(request));
    }

    private static String method(HttpServletRequest request) {
        return clean(request.getMethod(), 16);
    }

    private static String path(HttpServletRequest request) {
        return clean(request.getRequestURI(), PATH_SHOWN);
    }

    /** Printable ASCII only, at most {@code max} characters (then an ellipsis). */
    static String clean(String value, int max) {
        if (value == null) {
            return "-";
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < value.length() && shown.length() < max; i++) {
            char c = value.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return value.length() > max ? shown + "..." : shown.toString();
    }
}
