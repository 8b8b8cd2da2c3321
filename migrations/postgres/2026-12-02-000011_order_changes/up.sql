-- A company order changed while its approval was pending replaces that approval: the old one is
-- kept as 'superseded' (the new one, if the change still needs approval, is a new row).
ALTER TABLE approvals DROP CONSTRAINT approvals_status_check;
ALTER TABLE approvals ADD CONSTRAINT approvals_status_check
    CHECK (status IN ('pending', 'approved', 'rejected', 'superseded'));
CREATE INDEX approvals_order ON approvals (order_id, id);
