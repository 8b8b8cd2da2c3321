-- A refunded return of an order on invoice credits the invoice: what is credited comes off what
-- the company owes (and off the credit it has used).
ALTER TABLE invoices ADD COLUMN credited_minor BIGINT NOT NULL DEFAULT 0;
