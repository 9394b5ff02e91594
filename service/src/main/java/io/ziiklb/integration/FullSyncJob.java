package io.ziiklb.integration;

import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of a full synchronisation's work item ({@code WorkKind.FULL_SYNC}): which run it
 * records into, and whether the admin confirmed the deletions the guard held. Written and read
 * only here, so the stored JSON has one shape.
 */
public record FullSyncJob(String syncId, boolean confirmed) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The job a stored payload describes. */
    public static FullSyncJob parse(String payload) {
        return JSON.readValue(payload, FullSyncJob.class);
    }

    /** The payload to store. */
    public String json() {
        return JSON.writeValueAsString(this);
    }
}
