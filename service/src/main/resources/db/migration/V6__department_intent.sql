-- A department create about to be sent: if the process dies before the answer's link is written,
-- the next plan finds the department by this name and links it instead of calling it a conflict.
CREATE TABLE department_intent (
    integration_id  VARCHAR(36)  NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    ziik_id         BIGINT       NOT NULL,
    name            VARCHAR(500) NOT NULL,
    PRIMARY KEY (integration_id, ziik_id)
);
