package io.ziiklb.integration;

import java.time.Instant;

/**
 * One full synchronisation, as the status API shows it.
 *
 * @param status the wire name of a {@link RunStatus}: {@code running}, {@code done}, {@code failed} or
 *               {@code held} (deletions await an admin); see {@link #runStatus()}
 */
public record SyncRun(String id, String integrationId, String status, String phase, int done, int total,
                      Counts counts, int held, String message, Instant startedAt, Instant finishedAt) {

    /** @throws IllegalArgumentException when {@code status} is no {@link RunStatus}'s wire name */
    public SyncRun {
        RunStatus.fromWireName(status);
    }

    public RunStatus runStatus() {
        return RunStatus.fromWireName(status);
    }

    /** What the run did, by outcome. */
    public record Counts(int created, int updated, int deactivated, int deleted, int unchanged, int failed) {
        public static Counts zero() {
            return new Counts(0, 0, 0, 0, 0, 0);
        }
    }

    public boolean finished() {
        return finishedAt != null;
    }

    private static final String STOPPED = "stopped: ";

    /** The message of a run that an admin's action ended (disabling, removal), saying which. */
    public static String stoppedMessage(String why) {
        return STOPPED + why;
    }

    /** Ended by an admin's action, not by a fault: failed, yet no sign that anything is wrong. */
    public boolean stopped() {
        return runStatus() == RunStatus.FAILED && message != null && message.startsWith(STOPPED);
    }
}
