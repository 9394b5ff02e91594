package io.ziiklb.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of what an admin types, by what the value becomes: a URL the service calls, text that
 * goes into a request header or a JSON body to a peer, an email address. Each adds its complaints,
 * in plain words, to the problems under the field's name, and never quotes the value (it may be
 * a secret). Used by {@link Credentials} and {@link IntegrationSettings}, the owners of the rules.
 */
final class FieldRules {
    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    static final int MAX_URL = 2048;

    private FieldRules() {
    }

    static void add(Map<String, List<String>> problems, String field, String problem) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(problem);
    }

    static boolean required(Map<String, List<String>> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            add(problems, field, "is required");
            return false;
        }
        return true;
    }

    /**
     * Text that ends up in a header or a peer's JSON: no control character (a line break or a NUL
     * would split or cut a header, and forge log lines), no half of a surrogate pair (it has no
     * UTF-8 form), at most {@code max} characters.
     */
    static void text(Map<String, List<String>> problems, String field, String value, int max) {
        if (value.length() > max) {
            add(problems, field, "must be at most " + max + " characters");
        }
        if (!clean(value)) {
            add(problems, field, "must not contain control characters (such as a line break) or broken Unicode");
        }
    }

    /** A value sent as it is in a header: visible ASCII only, no space. */
    static void headerToken(Map<String, List<String>> problems, String field, String value, int max) {
        if (value.length() > max) {
            add(problems, field, "must be at most " + max + " characters");
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            add(problems, field, "may only contain visible ASCII characters (letters, digits, punctuation; no spaces)");
        }
    }

    /** Whether every character is printable Unicode: no control or line separator, no lone surrogate. */
    static boolean clean(String value) {
        return value.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE // codePoints() leaves a lone half as it is
                || Character.getType(cp) == Character.LINE_SEPARATOR || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR);
    }

    /** An http(s) base URL the service will call: ASCII, no spaces, a host, a real port, no user info, query or fragment. */
    static void baseUrl(Map<String, List<String>> problems, String field, String value) {
        if (!required(problems, field, value)) {
            return;
        }
        String url = value.strip();
        if (url.length() > MAX_URL) {
            add(problems, field, "must be at most " + MAX_URL + " characters");
            return;
        }
        if (!url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            add(problems, field, "must not contain spaces, control characters or non-ASCII characters"
                    + " (write an international domain name in its xn-- form)");
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            add(problems, field, "is not a valid URL");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            add(problems, field, "must be an http or https URL with a host, e.g. https://acme.ziik.io/api");
            return;
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            add(problems, field, "has a port outside 1 to 65535");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            add(problems, field, "must not have user info, a query or a fragment");
        }
    }

    /**
     * An email address as people write them: one {@code @}, a local part of letters, digits and
     * the usual symbols in dot-separated runs, a domain of at least two labels. Quoted local parts
     * and address literals are not accepted: no Ziik user has one.
     */
    static boolean email(String value) {
        if (value == null || value.length() > 254) {
            return false;
        }
        int at = value.lastIndexOf('@');
        if (at < 1 || at != value.indexOf('@') || at > 64 || at == value.length() - 1) {
            return false;
        }
        String[] labels = value.substring(at + 1).split("\\.", -1);
        if (labels.length < 2 || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return LOCAL_PART.matcher(value.substring(0, at)).matches();
    }
}
