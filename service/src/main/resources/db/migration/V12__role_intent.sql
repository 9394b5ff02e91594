-- A permission type create about to be sent: if the process dies before the answer's link is
-- written, the type exists unlinked and would look like a customer's own (adopted, never deleted).
-- The next plan links the type it finds by this name as ziiklb's own instead (rule O2 across a crash).
CREATE TABLE role_intent (
    integration_id  VARCHAR(36)  NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    ziik_id         BIGINT       NOT NULL,
    name            VARCHAR(500) NOT NULL,
    PRIMARY KEY (integration_id, ziik_id)
);
