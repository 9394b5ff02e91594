package io.ziiklb.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials an admin gives for each side; checked for shape here (what each value becomes
 * on the wire), and live by {@link CredentialCheck}.
 *
 * <ul>
 *   <li>{@code baseUrl}: an http(s) URL the service calls ({@link FieldRules#baseUrl}).</li>
 *   <li>Ziik {@code username} and {@code password} go into the JSON body of Ziik's
 *       {@code POST /authenticate}; {@code sharedSecret} keys the HMAC of deliveries, at least 16
 *       characters when given. Any printable Unicode.</li>
 *   <li>Learningbank {@code username} and {@code password} become
 *       {@code Authorization: Basic base64(username:password)} (as UTF-8): any printable Unicode,
 *       and no {@code :} in the username, where Basic auth splits the pair. The {@code token} is
 *       sent as it is in {@code X-Api-Token}: visible ASCII only.</li>
 * </ul>
 * No control character (a line break, a NUL) and no broken Unicode anywhere: such a value could
 * split a header or a log line.
 */
public final class Credentials {
    static final int MAX_NAME = 320;
    static final int MAX_SECRET = 1024;
    static final int MAX_TOKEN = 4096;
    static final int MIN_SHARED_SECRET = 16;

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

    /** Every field at fault, by its name in the request ({@code ziik.baseUrl}); empty when all are fine. */
    static Map<String, List<String>> problems(Ziik z, Learningbank lb) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (z == null) {
            FieldRules.add(problems, "ziik", "is required");
        } else {
            ziik(problems, z);
        }
        if (lb == null) {
            FieldRules.add(problems, "learningbank", "is required");
        } else {
            learningbank(problems, lb);
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

    private static void ziik(Map<String, List<String>> problems, Ziik z) {
        FieldRules.baseUrl(problems, "ziik.baseUrl", z.baseUrl());
        if (FieldRules.required(problems, "ziik.username", z.username())) {
            FieldRules.text(problems, "ziik.username", z.username(), MAX_NAME);
        }
        if (FieldRules.required(problems, "ziik.password", z.password())) {
            FieldRules.text(problems, "ziik.password", z.password(), MAX_SECRET);
        }
        if (z.sharedSecret() != null) {
            if (z.sharedSecret().length() < MIN_SHARED_SECRET) {
                FieldRules.add(problems, "ziik.sharedSecret", "must be at least " + MIN_SHARED_SECRET + " characters");
            }
            FieldRules.text(problems, "ziik.sharedSecret", z.sharedSecret(), MAX_SECRET);
        }
    }

    private static void learningbank(Map<String, List<String>> problems, Learningbank lb) {
        FieldRules.baseUrl(problems, "learningbank.baseUrl", lb.baseUrl());
        if (FieldRules.required(problems, "learningbank.username", lb.username())) {
            FieldRules.text(problems, "learningbank.username", lb.username(), MAX_NAME);
            if (lb.username().indexOf(':') >= 0) {
                FieldRules.add(problems, "learningbank.username",
                        "must not contain ':' (Basic authentication separates username and password with it)");
            }
        }
        if (FieldRules.required(problems, "learningbank.password", lb.password())) {
            FieldRules.text(problems, "learningbank.password", lb.password(), MAX_SECRET);
        }
        if (FieldRules.required(problems, "learningbank.token", lb.token())) {
            FieldRules.headerToken(problems, "learningbank.token", lb.token(), MAX_TOKEN);
        }
    }
}
