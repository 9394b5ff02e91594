package io.ziiklb.sso;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a launch may send the browser: a path on the integration's Learningbank platform, never
 * anywhere else (no open redirect). {@code target} may be absent (the platform's {@code /}), a path,
 * or a full address whose scheme, host and port equal the platform's; its path, query and fragment
 * are kept. Anything else is refused: another host, {@code //host}, {@code \\host}, user info, other
 * schemes, control characters, and encoded variants of these (the check is made on the decoded
 * address, and an address that decodes to something else again is refused).
 */
final class LaunchTarget {
    private LaunchTarget() {
    }

    /** The path (with query and fragment) to sign in to on {@code platformUrl}; empty when refused. */
    static Optional<String> pathOn(String target, String platformUrl) {
        if (target == null || target.isBlank()) {
            return Optional.of("/");
        }
        String t = target.trim();
        if (t.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return Optional.empty();
        }
        URI uri;
        URI platform;
        try {
            uri = new URI(t);
            platform = new URI(platformUrl);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null || uri.isOpaque()) {
            return Optional.empty();
        }
        if (uri.getScheme() == null) { // a path: it must be one, not //host or a relative name
            if (uri.getRawAuthority() != null || !t.startsWith("/") || t.startsWith("//")) {
                return Optional.empty();
            }
        } else if (!sameOrigin(uri, platform)) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.startsWith("//") || decodedIsSuspicious(path)) {
            return Optional.empty();
        }
        return Optional.of(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null
                && a.getScheme().toLowerCase(Locale.ROOT).equals(b.getScheme().toLowerCase(Locale.ROOT))
                && a.getHost() != null && b.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** An encoded slash or backslash at the start, or encoded control characters: a path that means something else decoded. */
    private static boolean decodedIsSuspicious(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return lower.startsWith("/%2f") || lower.startsWith("/%5c") || lower.contains("%00") || lower.contains("%0d")
                || lower.contains("%0a") || lower.startsWith("%2f");
    }
}
