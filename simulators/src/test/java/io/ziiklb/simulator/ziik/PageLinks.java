package io.ziiklb.simulator.ziik;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The links of a simulator page, in page order, as a browser would read them (entities decoded). */
record PageLinks(List<Link> all) {
    private static final Pattern ANCHOR = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>");

    record Link(String text, String href) {
    }

    static PageLinks of(String html) {
        List<Link> links = new ArrayList<>();
        Matcher m = ANCHOR.matcher(html);
        while (m.find()) {
            links.add(new Link(unescape(m.group(2)), unescape(m.group(1))));
        }
        return new PageLinks(List.copyOf(links));
    }

    List<String> texts() {
        return all.stream().map(Link::text).toList();
    }

    /** The href of the one link with this text. */
    String href(String text) {
        List<Link> named = all.stream().filter(l -> l.text().equals(text)).toList();
        if (named.size() != 1) {
            throw new AssertionError(named.size() + " links named '" + text + "' in " + all);
        }
        return named.getFirst().href();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
