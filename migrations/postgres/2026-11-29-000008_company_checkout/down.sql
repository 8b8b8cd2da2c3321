ALTER TABLE approvals DROP COLUMN comment;
ALTER TABLE invoices DROP COLUMN cancelled_at;
ALTER TABLE orders DROP COLUMN requested_delivery;
