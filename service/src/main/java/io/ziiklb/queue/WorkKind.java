package io.ziiklb.queue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of work the queue holds. The queue only names them (and stores each by its wire name,
 * the strings the {@code work_item} table has always held); what each kind does is the business of
 * the handler registered for it with the {@link QueueWorker}.
 */
public enum WorkKind {
    /** Reconcile one Ziik user (the item's Ziik id). */
    USER("user"),
    /** Reconcile the unit tree (one item per integration, coalesced). */
    UNITS("units"),
    /** Poll the roles (Ziik has no webhooks for them). */
    ROLES("roles"),
    /** A full synchronisation (one item per integration; its payload says which run). */
    FULL_SYNC("full_sync"),
    /** Compare Ziik's user lists with what was seen (one item per integration, coalesced). */
    LIST_SWEEP("list_sweep"),
    /** Re-read the memberships of the next users (one item per integration, coalesced). */
    DEEP_SWEEP("deep_sweep");

    private final String wireName;

    WorkKind(String wireName) {
        this.wireName = wireName;
    }

    /** The kind as stored in the database and shown in metrics and logs. */
    public String wireName() {
        return wireName;
    }

    /** The kind stored under this name, or empty for a name no kind has (a row no handler can work). */
    public static Optional<WorkKind> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
    }

    /** The wire name, so that logs and thread names read as they always have. */
    @Override
    public String toString() {
        return wireName;
    }
}
