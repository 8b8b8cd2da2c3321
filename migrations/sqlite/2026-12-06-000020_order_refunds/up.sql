-- Refunds staff give straight from an order's page (a goodwill refund, a price match) sit beside
-- the ones given from a support case: the case is now optional. SQLite cannot drop a NOT NULL,
-- so the table is rebuilt with its rows and indexes (nothing references it).
CREATE TABLE case_refunds_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT REFERENCES support_cases (id),
    order_id BIGINT NOT NULL REFERENCES orders (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    reference TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO case_refunds_new (id, case_id, order_id, amount_minor, reference, created_by, created_at)
    SELECT id, case_id, order_id, amount_minor, reference, created_by, created_at FROM case_refunds;
DROP TABLE case_refunds;
ALTER TABLE case_refunds_new RENAME TO case_refunds;
CREATE INDEX case_refunds_order ON case_refunds (order_id);
CREATE UNIQUE INDEX case_refunds_reference ON case_refunds (reference);
