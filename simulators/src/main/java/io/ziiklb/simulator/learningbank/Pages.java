package io.ziiklb.simulator.learningbank;

/** The platform's few HTML pages, kept simple and stable so tests (and the demo) can assert on them. */
final class Pages {
    private Pages() {
    }

    /** {@code <h1>Signed in as Ann Berg (ann@example.com)</h1><p>Path: /courses/42</p>} */
    static String signedIn(User user, String path) {
        return page("<h1>Signed in as " + escape(user.fullName()) + " (" + escape(user.email()) + ")</h1>"
                + "<p>Path: " + escape(path) + "</p>");
    }

    static String notSignedIn(String path) {
        return page("<h1>Not signed in</h1><p>Path: " + escape(path) + "</p>");
    }

    static String loginFailed(String reason) {
        return page("<h1>Login link not valid</h1><p>" + escape(reason) + "</p>");
    }

    private static String page(String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Learningbank</title></head><body>"
                + body + "</body></html>";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
