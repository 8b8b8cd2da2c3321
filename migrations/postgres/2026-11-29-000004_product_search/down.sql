DROP TRIGGER IF EXISTS brands_search ON brands;
DROP FUNCTION IF EXISTS brands_search_rename();
DROP TRIGGER IF EXISTS products_search ON products;
DROP FUNCTION IF EXISTS products_search_document();
DROP INDEX IF EXISTS products_search;
ALTER TABLE products DROP COLUMN search_document;
