-- Search also matches the product's category and its parent category ("office" finds office
-- chairs and desks). FTS5 cannot add a column in place: the table and its triggers are rebuilt.
DROP TRIGGER IF EXISTS brands_fts_rename;
DROP TRIGGER IF EXISTS products_fts_delete;
DROP TRIGGER IF EXISTS products_fts_update;
DROP TRIGGER IF EXISTS products_fts_insert;
DROP TABLE IF EXISTS products_fts;

CREATE VIRTUAL TABLE products_fts USING fts5(
    name, sku, brand, category, body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);
INSERT INTO products_fts (rowid, name, sku, brand, category, body)
    SELECT p.id, p.name, p.sku, COALESCE(b.name, ''), c.name || ' ' || COALESCE(pc.name, ''),
           p.summary || ' ' || p.description
    FROM products p
    LEFT JOIN brands b ON b.id = p.brand_id
    JOIN categories c ON c.id = p.category_id
    LEFT JOIN categories pc ON pc.id = c.parent_id;

CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, name, sku, brand, category, body) VALUES (
        new.id, new.name, new.sku,
        COALESCE((SELECT name FROM brands WHERE id = new.brand_id), ''),
        COALESCE((SELECT c.name || ' ' || COALESCE(pc.name, '') FROM categories c
                  LEFT JOIN categories pc ON pc.id = c.parent_id WHERE c.id = new.category_id), ''),
        new.summary || ' ' || new.description);
END;
CREATE TRIGGER products_fts_update
    AFTER UPDATE OF name, sku, brand_id, category_id, summary, description ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
    INSERT INTO products_fts (rowid, name, sku, brand, category, body) VALUES (
        new.id, new.name, new.sku,
        COALESCE((SELECT name FROM brands WHERE id = new.brand_id), ''),
        COALESCE((SELECT c.name || ' ' || COALESCE(pc.name, '') FROM categories c
                  LEFT JOIN categories pc ON pc.id = c.parent_id WHERE c.id = new.category_id), ''),
        new.summary || ' ' || new.description);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
    DELETE FROM products_fts WHERE rowid = old.id;
END;
CREATE TRIGGER brands_fts_rename AFTER UPDATE OF name ON brands BEGIN
    UPDATE products_fts SET brand = new.name
        WHERE rowid IN (SELECT id FROM products WHERE brand_id = new.id);
END;
-- A renamed or moved category: its products and those of its subcategories.
CREATE TRIGGER categories_fts_rename AFTER UPDATE OF name, parent_id ON categories BEGIN
    UPDATE products_fts SET category = (
        SELECT c.name || ' ' || COALESCE(pc.name, '') FROM products p
        JOIN categories c ON c.id = p.category_id
        LEFT JOIN categories pc ON pc.id = c.parent_id
        WHERE p.id = products_fts.rowid)
    WHERE rowid IN (SELECT id FROM products WHERE category_id = new.id
                    OR category_id IN (SELECT id FROM categories WHERE parent_id = new.id));
END;
