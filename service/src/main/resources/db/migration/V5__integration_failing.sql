-- job health: why and since when the integration cannot write to Learningbank (null when it can)
ALTER TABLE integration ADD COLUMN failing_reason TEXT;
ALTER TABLE integration ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
