package io.ziiklb.simulator.ziik;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The HTML of a Ziik user's home page ({@code GET /_sim/app/{userId}}): a plain, accessible page
 * (language, title, one {@code h1}, a section per part with its {@code h2}, links named by their
 * text) with the user's shortcuts and a chat thread. Where each link leads is decided by the
 * {@code href} function {@link HomePageRoutes} passes in (through the launch, or unchanged).
 */
final class HomePage {
    /** A link as shown: its text and the address it points to (before {@code href} is applied). */
    record Link(String text, String address) {
    }

    /** A chat message: who wrote it, and its text around one link. */
    record Message(String author, String before, Link link, String after) {
    }

    static final String SHORTCUT_NAME = "Learningbank";
    static final String INTRO_COURSE = "/courses/42?tab=intro";
    static final String SAFETY_PATH = "/learning-paths/7#week-2";
    static final String OUTSIDE_ADDRESS = "https://example.com/";

    private HomePage() {
    }

    /**
     * The chat thread: two messages linking to the platform (when one is known) and one linking
     * elsewhere.
     *
     * @param platformUrl the Learningbank platform, or null when Ziik was never told one
     */
    static List<Message> chat(String platformUrl) {
        List<Message> messages = new ArrayList<>();
        if (platformUrl != null) {
            messages.add(new Message("Maja Holm", "Welcome aboard! Please start with ",
                    new Link("the introduction course", platformUrl + INTRO_COURSE), " before Friday."));
            messages.add(new Message("Jonas Lund", "Week two of ",
                    new Link("the safety learning path", platformUrl + SAFETY_PATH), " is open now."));
        }
        messages.add(new Message("Jonas Lund", "Lunch today: see ", new Link("the canteen menu", OUTSIDE_ADDRESS), "."));
        return messages;
    }

    /**
     * @param userName  the user's full name
     * @param shortcuts the Learningbank shortcut (when shown) and the user's quicklinks, in order
     * @param messages  the chat thread, oldest first
     * @param note      a sentence about automatic sign-in, or null for none
     * @param href      where a link's address leads
     */
    static String render(String userName, List<Link> shortcuts, List<Message> messages, String note,
                         UnaryOperator<String> href) {
        StringBuilder html = new StringBuilder(2048)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Home – ").append(escape(userName)).append(" – Ziik</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;")
                .append("color:#1a1a1a;line-height:1.5}a{color:#0b57d0}.author{font-weight:600;margin-bottom:0}</style>\n")
                .append("</head>\n<body>\n<header><p>Ziik</p></header>\n<main>\n")
                .append("<h1>Welcome, ").append(escape(userName)).append("</h1>\n");
        if (note != null) {
            html.append("<p id=\"sso-note\">").append(escape(note)).append("</p>\n");
        }
        html.append("<section aria-labelledby=\"shortcuts\">\n<h2 id=\"shortcuts\">Shortcuts</h2>\n");
        if (shortcuts.isEmpty()) {
            html.append("<p>No shortcuts yet.</p>\n");
        } else {
            html.append("<ul>\n");
            shortcuts.forEach(link -> html.append("<li>").append(anchor(link, href)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("</section>\n<section aria-labelledby=\"chat\">\n<h2 id=\"chat\">Chat</h2>\n<ol>\n");
        for (Message m : messages) {
            html.append("<li><p class=\"author\">").append(escape(m.author())).append("</p><p>")
                    .append(escape(m.before())).append(anchor(m.link(), href)).append(escape(m.after()))
                    .append("</p></li>\n");
        }
        return html.append("</ol>\n</section>\n</main>\n</body>\n</html>\n").toString();
    }

    /** A small page for a refused request: a heading and a sentence. */
    static String problem(String heading, String sentence) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(heading)
                + " – Ziik</title>\n</head>\n<body>\n<main>\n<h1>" + escape(heading) + "</h1>\n<p>" + escape(sentence)
                + "</p>\n</main>\n</body>\n</html>\n";
    }

    private static String anchor(Link link, UnaryOperator<String> href) {
        return "<a href=\"" + escape(href.apply(link.address())) + "\">" + escape(link.text()) + "</a>";
    }

    static String escape(String text) {
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
