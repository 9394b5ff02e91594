package io.ziiklb.integration;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * At start, before any work or delivery is taken: every integration's stored credentials must open
 * with one of the keys, and those sealed with an older key are sealed again with the first. A key
 * that opens nothing would otherwise be found only when a synchronisation failed, with the service
 * reporting healthy meanwhile (issue 11, point 7).
 *
 * <p>Several instances may start at once on one database: each row is replaced only if it still
 * holds the value read (compare and set), so a row another instance re-sealed meanwhile, or whose
 * credentials an admin changed meanwhile, is left as it is. All rows change in one transaction,
 * in id order, so two instances never wait on each other crosswise.
 */
public final class KeyRotation {
    /** Stops the start: an integration's credentials open with none of the keys. */
    public static final class CredentialsDoNotOpen extends IllegalStateException {
        CredentialsDoNotOpen(String message) {
            super(message);
        }
    }

    private record Stored(String id, String secrets) {
    }

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final TransactionOperations tx;

    public KeyRotation(JdbcClient jdbc, SecretBox box, TransactionOperations tx) {
        this.jdbc = jdbc;
        this.box = box;
        this.tx = tx;
    }

    /**
     * @return how many integrations' credentials were sealed again with the first key
     * @throws CredentialsDoNotOpen naming the first integration whose credentials none of the keys opens
     */
    public int checkAndReseal() {
        Integer resealed = tx.execute(status -> {
            int count = 0;
            for (Stored row : stored()) {
                Optional<String> again;
                try {
                    again = box.resealed(row.id(), row.secrets());
                } catch (SecretBox.CannotOpen e) {
                    throw new CredentialsDoNotOpen("ZIIKLB_SECRET_KEY does not open the stored credentials of integration "
                            + row.id() + ": start with the key they were sealed with (when rotating, the new key first"
                            + " and the old one after it, comma-separated)");
                }
                if (again.isPresent()) {
                    count += jdbc.sql("UPDATE integration SET secrets = ? WHERE id = ? AND secrets = ?")
                            .params(again.get(), row.id(), row.secrets()).update();
                }
            }
            return count;
        });
        return resealed == null ? 0 : resealed;
    }

    private List<Stored> stored() {
        return jdbc.sql("SELECT id, secrets FROM integration ORDER BY id")
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).list();
    }
}
