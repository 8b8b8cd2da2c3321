DROP INDEX price_list_entries_tier;
ALTER TABLE price_list_entries ADD CONSTRAINT price_list_entries_price_list_id_product_id_min_qty_key UNIQUE (price_list_id, product_id, min_qty);
