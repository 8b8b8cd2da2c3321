DROP TRIGGER IF EXISTS brands_fts_rename;
DROP TRIGGER IF EXISTS products_fts_delete;
DROP TRIGGER IF EXISTS products_fts_update;
DROP TRIGGER IF EXISTS products_fts_insert;
DROP TABLE IF EXISTS products_fts;
