package io.ziiklb.integration;

import java.util.Arrays;

/**
 * How a full synchronisation stands. Stored, and shown by the API, by its wire name (the strings
 * {@code sync_run.status} has always held).
 */
public enum RunStatus {
    /** Queued or under way. */
    RUNNING("running"),
    /** Finished, nothing held. */
    DONE("done"),
    /** Aborted, or could not run. */
    FAILED("failed"),
    /** Finished, with deletions and deactivations the deletion guard holds until an admin confirms or cancels. */
    HELD("held");

    private final String wireName;

    RunStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The status stored under this name.
     *
     * @throws IllegalArgumentException for a name no status has: a run must not pass for another status
     */
    public static RunStatus fromWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown synchronisation status \"" + wireName + "\""));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
