ALTER TABLE invoices DROP COLUMN credited_minor;
