package io.ziiklb.integration;

import java.net.URI;
import java.util.Locale;

/**
 * What an administrator may type for a peer's address, made into its API base URL: a bare host
 * ({@code acme.ziik.io}, https implied), the site's URL ({@code https://acme.ziik.io}) or the API
 * base URL itself ({@code https://acme.ziik.io/api}). The tenant an admin signs in to is its Ziik
 * API base URL in this form, and integrations are compared to it in this form.
 */
public final class PeerAddress {
    private PeerAddress() {
    }

    /** Ziik's API base URL for {@code typed}: {@code <scheme>://<host>[:port]/api}. */
    public static String ziik(String typed) {
        return apiBase(typed, "/api");
    }

    /** Learningbank's API base URL for {@code typed}: {@code <scheme>://<host>[:port]/api/v1}. */
    public static String learningbank(String typed) {
        return apiBase(typed, "/api/v1");
    }

    /** {@code url} in the one form stored and compared: lower-case scheme and host, no trailing slash. */
    public static String canonical(String url) {
        URI uri = URI.create(url.trim());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
    }

    /** Whether two addresses name the same API. */
    public static boolean same(String a, String b) {
        try {
            return canonical(a).equals(canonical(b));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** @throws IllegalArgumentException when {@code typed} is not an address */
    private static String apiBase(String typed, String apiPath) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("an address is required");
        }
        String t = typed.trim();
        URI uri = URI.create(t.contains("://") ? t : "https://" + t);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("not a web address");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean siteOnly = path.isEmpty() || path.equals("/");
        return canonical(uri.getScheme() + "://" + uri.getRawAuthority() + (siteOnly ? apiPath : path));
    }
}
