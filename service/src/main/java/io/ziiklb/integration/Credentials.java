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
