ALTER TABLE categories DROP COLUMN image_srcset;
