-- Scheduled price changes: a price-list tier may have several rows for the same quantity with
-- different validity windows (the next one starting when the current one ends). The unique
-- (list, product, quantity) rule goes; windows that overlap are refused by the staff pages
-- (db::price_admin).
ALTER TABLE price_list_entries DROP CONSTRAINT price_list_entries_price_list_id_product_id_min_qty_key;
CREATE INDEX price_list_entries_tier ON price_list_entries (price_list_id, product_id, min_qty);
