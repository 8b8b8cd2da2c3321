-- Refunds staff give straight from an order's page (a goodwill refund, a price match) sit beside
-- the ones given from a support case: the case is now optional.
ALTER TABLE case_refunds ALTER COLUMN case_id DROP NOT NULL;
