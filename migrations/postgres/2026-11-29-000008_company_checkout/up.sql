-- Company checkout: the delivery date the buyer asks for, invoices that are voided when their
-- order is cancelled (an open invoice is neither paid nor cancelled), and the approver's comment
-- beside the reason an approval was needed.
ALTER TABLE orders ADD COLUMN requested_delivery DATE;
ALTER TABLE invoices ADD COLUMN cancelled_at TIMESTAMP;
ALTER TABLE approvals ADD COLUMN comment TEXT NOT NULL DEFAULT '';
