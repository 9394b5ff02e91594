-- when the integration was last disabled: until a full synchronisation has run since, its status
-- says that changes made meanwhile may not have reached Learningbank (rule L4)
ALTER TABLE integration ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
