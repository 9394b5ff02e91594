-- a one-user reconcile asks which Ziik user a Learningbank user is linked to
CREATE INDEX user_link_by_user ON user_link (integration_id, user_id);
