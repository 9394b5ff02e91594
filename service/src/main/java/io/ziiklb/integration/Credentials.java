package io.ziiklb.integration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The credentials an admin gives for each side; checked for shape here, and live by {@link CredentialCheck}. */
public final class Credentials {
    private Credentials() {
    }

    public record Ziik(String baseUrl, String username, String password, String sharedSecret) {
        @Override
        public String toString() {
            return "Ziik[" + baseUrl + " as " + username + "]";
        }
    }

    public record Learningbank(String baseUrl, String username, String password, String token) {
        @Override
        public String toString() {
            return "Learningbank[" + baseUrl + " as " + username + "]";
        }
    }

    static Map<String, List<String>> problems(Ziik z, Learningbank lb) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (z == null) {
            problems.put("ziik", List.of("is required"));
        } else {
            url(problems, "ziik.baseUrl", z.baseUrl());
            required(problems, "ziik.username", z.username());
            required(problems, "ziik.password", z.password());
        }
        if (lb == null) {
            problems.put("learningbank", List.of("is required"));
        } else {
            url(problems, "learningbank.baseUrl", lb.baseUrl());
            required(problems, "learningbank.username", lb.username());
            required(problems, "learningbank.password", lb.password());
            required(problems, "learningbank.token", lb.token());
        }
        return problems;
    }

    /**
     * The credentials a {@code PATCH} that moves a peer to another address lacks: that peer's whole
     * set is needed, because what is stored for the old address must never be sent to the new one.
     */
    static Map<String, List<String>> missingForNewAddress(Integration current, Ziik z, Learningbank lb) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        String why = "is required when the address changes";
        if (z != null && moved(z.baseUrl(), current.ziikBaseUrl())) {
            requiredGiven(missing, "ziik.username", z.username(), why);
            requiredGiven(missing, "ziik.password", z.password(), why);
        }
        if (lb != null && moved(lb.baseUrl(), current.learningbankBaseUrl())) {
            requiredGiven(missing, "learningbank.username", lb.username(), why);
            requiredGiven(missing, "learningbank.password", lb.password(), why);
            requiredGiven(missing, "learningbank.token", lb.token(), why);
        }
        return missing;
    }

    private static boolean moved(String given, String stored) {
        return given != null && !normalised(given).equals(normalised(stored));
    }

    private static String normalised(String url) {
        String u = url.trim();
        return (u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toLowerCase(java.util.Locale.ROOT);
    }

    private static void requiredGiven(Map<String, List<String>> problems, String field, String value, String why) {
        if (value == null || value.isBlank()) {
            problems.put(field, List.of(why));
        }
    }

    static void required(Map<String, List<String>> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.put(field, List.of("is required"));
        }
    }

    static void url(Map<String, List<String>> problems, String field, String value) {
        try {
            URI uri = URI.create(value == null ? "" : value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.put(field, List.of("must be an http(s) URL without query, fragment or user info"));
            }
        } catch (IllegalArgumentException e) {
            problems.put(field, List.of("is not a URL"));
        }
    }
}
