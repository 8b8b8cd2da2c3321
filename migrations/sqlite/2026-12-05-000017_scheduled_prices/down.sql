CREATE TABLE price_list_entries_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    price_list_id BIGINT NOT NULL REFERENCES price_lists (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    min_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_qty >= 1),
    unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
    valid_from TIMESTAMP,
    valid_to TIMESTAMP,
    UNIQUE (price_list_id, product_id, min_qty)
);
INSERT OR IGNORE INTO price_list_entries_old SELECT * FROM price_list_entries;
DROP TABLE price_list_entries;
ALTER TABLE price_list_entries_old RENAME TO price_list_entries;
CREATE INDEX price_list_entries_product ON price_list_entries (product_id);
