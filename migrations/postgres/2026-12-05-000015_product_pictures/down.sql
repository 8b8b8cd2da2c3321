DROP INDEX products_updated;
ALTER TABLE product_media DROP COLUMN srcset;
