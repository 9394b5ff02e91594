package io.ziiklb.simulator.ziik;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * What a Ziik admin types into Ziik's Learningbank integration to turn automatic sign-in on
 * ({@code ziik-api.md}, "Automatic sign-in from Ziik"): where to send people, the secret the launch
 * tokens are signed with, and the customer's Learningbank platform, whose links go through the launch.
 *
 * @param launchUrl   the project's launch address, {@code <service>/sso/<integration id>/launch}
 * @param secret      the SSO secret; its UTF-8 bytes are the HMAC key, so at least 32 bytes (HS256's
 *                    minimum key, which Nimbus enforces)
 * @param platformUrl the Learningbank platform's address, e.g. {@code https://acme.learningbank.test}
 */
public record SsoSettings(String launchUrl, String secret, String platformUrl) {
    static final int MIN_SECRET_BYTES = 32;

    /** @throws IllegalArgumentException for addresses that are not absolute http(s) URLs or a short secret */
    public SsoSettings {
        Objects.requireNonNull(secret, "secret");
        requireHttpUrl("launchUrl", launchUrl);
        requireHttpUrl("platformUrl", platformUrl);
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The secret must be at least " + MIN_SECRET_BYTES + " bytes (HS256 key).");
        }
        platformUrl = platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1) : platformUrl;
    }

    /** A platform address: {@code platformUrl} followed by {@code pathAndQuery} (which starts with {@code /}). */
    String platformAddress(String pathAndQuery) {
        return platformUrl + pathAndQuery;
    }

    /** Whether {@code address} is on the platform: its scheme, host and port are the platform's. */
    boolean isOnPlatform(String address) {
        return sameOrigin(platformUrl, address);
    }

    static boolean sameOrigin(String a, String b) {
        String originA = origin(a);
        return originA != null && originA.equals(origin(b));
    }

    /** {@code scheme://host:port}, lower-cased, with the default port filled in; null when not an http(s) URL. */
    private static String origin(String address) {
        if (address == null) {
            return null;
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void requireHttpUrl(String field, String value) {
        if (value == null || origin(value) == null) {
            throw new IllegalArgumentException("The " + field + " must be a full http(s) URL.");
        }
    }
}
