DROP TRIGGER IF EXISTS categories_fts_rename;
DROP TRIGGER IF EXISTS brands_fts_rename;
DROP TRIGGER IF EXISTS products_fts_delete;
DROP TRIGGER IF EXISTS products_fts_update;
DROP TRIGGER IF EXISTS products_fts_insert;
DROP TABLE IF EXISTS products_fts;
-- Back to 000004.
CREATE VIRTUAL TABLE products_fts USING fts5(
    name, sku, brand, body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);
INSERT INTO products_fts (rowid, name, sku, brand, body)
    SELECT p.id, p.name, p.sku, COALESCE(b.name, ''), p.summary || ' ' || p.description
    FROM products p LEFT JOIN brands b ON b.id = p.brand_id;

CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, name, sku, brand, body) VALUES (
        new.id, new.name, new.sku,
        COALESCE((SELECT name FROM brands WHERE id = new.brand_id), ''),
        new.summary || ' ' || new.description);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, sku, brand_id, summary, description ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
    INSERT INTO products_fts (rowid, name, sku, brand, body) VALUES (
        new.id, new.name, new.sku,
        COALESCE((SELECT name FROM brands WHERE id = new.brand_id), ''),
        new.summary || ' ' || new.description);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
END;
CREATE TRIGGER brands_fts_rename AFTER UPDATE OF name ON brands BEGIN
    UPDATE products_fts SET brand = new.name
        WHERE rowid IN (SELECT id FROM products WHERE brand_id = new.id);
END;
