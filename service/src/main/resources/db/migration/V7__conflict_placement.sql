-- Where the members of a unit left in a name conflict (rule U6) were placed: the department of its
-- nearest linked ancestor (or the top). A tree reconcile compares it with where they go now, so
-- that members of a unit that moved, or whose conflict was resolved, are placed anew (rule L3).
CREATE TABLE conflict_placement (
    integration_id  VARCHAR(36)  NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    ziik_id         BIGINT       NOT NULL,
    department_id   VARCHAR(200) NOT NULL,
    PRIMARY KEY (integration_id, ziik_id)
);
