DELETE FROM case_refunds WHERE case_id IS NULL;
ALTER TABLE case_refunds ALTER COLUMN case_id SET NOT NULL;
