-- Company checkout: the delivery date the buyer asks for, and invoices that are voided when
-- their order is cancelled (an open invoice is neither paid nor cancelled).
ALTER TABLE orders ADD COLUMN requested_delivery DATE;
ALTER TABLE invoices ADD COLUMN cancelled_at TIMESTAMP;
