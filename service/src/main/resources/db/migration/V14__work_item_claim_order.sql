-- A claim looks for due items in (state, not_before, id) order and stops at its limit, instead of
-- sorting every waiting item: the index gains id, the tie-break of that order.
DROP INDEX work_item_due;
CREATE INDEX work_item_due ON work_item (state, not_before, id);
