package io.ziiklb.simulator.learningbank;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a login link's {@code redirect_path} stays on the platform. Refuses what a browser could
 * read as another host: absolute URLs, protocol-relative {@code //host}, backslashes (browsers read
 * {@code /\host} as {@code //host}), whitespace and control characters, and anything not starting
 * with {@code /}.
 */
final class RedirectPaths {
    private RedirectPaths() {
    }

    static boolean isPlatformPath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/' || path.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
