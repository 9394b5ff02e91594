-- Changes Ziik does not announce (issue #14 part 5). What the sweeps last saw of each Ziik user:
-- a fingerprint of the user's row in Ziik's user lists (name, active, primary unit), and one of
-- their memberships (units, departments, roles, in order; null until first read). A sweep that
-- sees another fingerprint queues a one-user reconcile.
CREATE TABLE sweep_seen (
    integration_id  VARCHAR(36)  NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    ziik_user_id    BIGINT       NOT NULL,
    listed          BIGINT       NOT NULL,
    active          BOOLEAN      NOT NULL,
    memberships     BIGINT,
    PRIMARY KEY (integration_id, ziik_user_id)
);

-- Each integration's sweeps: when the last list sweep and deep step were claimed (an instance's
-- tick claims one by moving the time on from the value it read, so two instances never both
-- queue it), when a list sweep last completed (none yet: the first one is the baseline), the deep
-- sweep's place in the user ids, and the Ziik calls it may still spend (its budget, earned by the minute).
CREATE TABLE sweep_state (
    integration_id   VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES integration (id) ON DELETE CASCADE,
    list_claimed_at  TIMESTAMP WITH TIME ZONE,
    list_swept_at    TIMESTAMP WITH TIME ZONE,
    deep_stepped_at  TIMESTAMP WITH TIME ZONE,
    deep_cursor      BIGINT       NOT NULL,
    deep_owed        DOUBLE PRECISION NOT NULL
);
