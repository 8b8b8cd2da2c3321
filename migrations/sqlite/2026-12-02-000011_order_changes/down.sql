UPDATE approvals SET status = 'rejected' WHERE status = 'superseded';
CREATE TABLE approvals_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    requested_by BIGINT NOT NULL REFERENCES users (id),
    decided_by BIGINT REFERENCES users (id),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reason TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    decided_at TIMESTAMP,
    comment TEXT NOT NULL DEFAULT ''
);
INSERT INTO approvals_old SELECT id, order_id, company_id, requested_by, decided_by, status, reason, created_at, decided_at, comment FROM approvals;
DROP TABLE approvals;
ALTER TABLE approvals_old RENAME TO approvals;
CREATE INDEX approvals_company ON approvals (company_id, status);
