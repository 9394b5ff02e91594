package io.ziiklb.integration;

import java.time.Instant;

/**
 * One full synchronisation, as the status API shows it.
 *
 * @param status {@code running}, {@code done}, {@code failed} or {@code held} (deletions await an admin)
 */
public record SyncRun(String id, String integrationId, String status, String phase, int done, int total,
                      Counts counts, int held, String message, Instant startedAt, Instant finishedAt) {

    /** What the run did, by outcome. */
    public record Counts(int created, int updated, int deactivated, int deleted, int unchanged, int failed) {
        public static Counts zero() {
            return new Counts(0, 0, 0, 0, 0, 0);
        }
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
