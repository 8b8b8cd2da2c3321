DROP INDEX approvals_order;
UPDATE approvals SET status = 'rejected' WHERE status = 'superseded';
ALTER TABLE approvals DROP CONSTRAINT approvals_status_check;
ALTER TABLE approvals ADD CONSTRAINT approvals_status_check
    CHECK (status IN ('pending', 'approved', 'rejected'));
