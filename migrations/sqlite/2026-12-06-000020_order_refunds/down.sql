DELETE FROM case_refunds WHERE case_id IS NULL;
CREATE TABLE case_refunds_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES support_cases (id),
    order_id BIGINT NOT NULL REFERENCES orders (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    reference TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO case_refunds_old SELECT id, case_id, order_id, amount_minor, reference, created_by, created_at FROM case_refunds;
DROP TABLE case_refunds;
ALTER TABLE case_refunds_old RENAME TO case_refunds;
CREATE INDEX case_refunds_order ON case_refunds (order_id);
CREATE UNIQUE INDEX case_refunds_reference ON case_refunds (reference);
