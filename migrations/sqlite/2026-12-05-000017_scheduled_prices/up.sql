-- Scheduled price changes: a price-list tier may have several rows for the same quantity with
-- different validity windows (the next one starting when the current one ends). The unique
-- (list, product, quantity) rule goes; windows that overlap are refused by the staff pages
-- (db::price_admin). SQLite cannot drop a table constraint, so the table is rebuilt.
CREATE TABLE price_list_entries_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    price_list_id BIGINT NOT NULL REFERENCES price_lists (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    min_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_qty >= 1),
    unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
    valid_from TIMESTAMP,
    valid_to TIMESTAMP
);
INSERT INTO price_list_entries_new (id, price_list_id, product_id, min_qty, unit_price_minor, valid_from, valid_to)
    SELECT id, price_list_id, product_id, min_qty, unit_price_minor, valid_from, valid_to FROM price_list_entries;
DROP TABLE price_list_entries;
ALTER TABLE price_list_entries_new RENAME TO price_list_entries;
CREATE INDEX price_list_entries_product ON price_list_entries (product_id);
CREATE INDEX price_list_entries_tier ON price_list_entries (price_list_id, product_id, min_qty);
