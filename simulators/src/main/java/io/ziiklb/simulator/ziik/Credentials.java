package io.ziiklb.simulator.ziik;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may sign in and who is an administrator, apart from the user rows: most users of a large
 * organisation have neither (their sign-in is managed outside Ziik, e.g. Azure login), so a sparse
 * map beats a field on 100,000 rows. Part of {@link OrgState}; not thread-safe.
 */
final class Credentials {
    private final Map<Integer, String> passwords = new HashMap<>();
    private final Set<Integer> admins = new HashSet<>();

    void setPassword(int userId, String password) {
        passwords.put(userId, password);
    }

    void removePassword(int userId) {
        passwords.remove(userId);
    }

    boolean hasPassword(int userId) {
        return passwords.containsKey(userId);
    }

    /** Compared in constant time, as a real sign-in would; a user without a password never matches. */
    boolean passwordMatches(int userId, String password) {
        String stored = passwords.get(userId);
        return stored != null && password != null && MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    void setAdmin(int userId, boolean admin) {
        if (admin) {
            admins.add(userId);
        } else {
            admins.remove(userId);
        }
    }

    boolean isAdmin(int userId) {
        return admins.contains(userId);
    }

    /** An anonymised user keeps nothing. */
    void forget(int userId) {
        passwords.remove(userId);
        admins.remove(userId);
    }
}
