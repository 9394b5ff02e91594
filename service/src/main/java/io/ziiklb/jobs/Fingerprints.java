package io.ziiklb.jobs;

import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUserSummary;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * Compact fingerprints of what the sweeps read of a Ziik user: 64 bits of SHA-256 over the fields
 * that reach Learningbank, each field ended by a NUL so that no two field lists run together. Two
 * reads with equal fields give equal fingerprints on every instance and across restarts; a
 * different read gives a different one but for a chance of one in 2^64.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    /** A list row: the name, whether active, the primary unit. */
    static long listed(ZiikUserSummary row) {
        return of("listed", row.firstName(), row.lastName(), Boolean.toString(row.active()), Objects.toString(row.unitId()));
    }

    /** The memberships in Ziik's order: each unit, its department and the roles held there, in order. */
    static long memberships(List<ZiikMembership> memberships) {
        StringBuilder fields = new StringBuilder();
        for (ZiikMembership m : memberships) {
            fields.append(m.unitId()).append('/').append(m.departmentUnitId()).append(':');
            for (ZiikRole role : m.roles()) {
                fields.append(role.id()).append(',');
            }
            fields.append(';');
        }
        return of("memberships", fields.toString());
    }

    private static long of(String... fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : fields) {
                sha.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
