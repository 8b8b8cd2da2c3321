-- Search also matches the product's category and its parent category ("office" finds office
-- chairs and desks), weighted like the brand.
CREATE OR REPLACE FUNCTION products_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('simple', COALESCE(NEW.name, '')), 'A') ||
        setweight(to_tsvector('simple', COALESCE(NEW.sku, '')), 'A') ||
        setweight(to_tsvector('simple',
            COALESCE((SELECT name FROM brands WHERE id = NEW.brand_id), '')), 'B') ||
        setweight(to_tsvector('simple',
            COALESCE((SELECT c.name || ' ' || COALESCE(pc.name, '') FROM categories c
                      LEFT JOIN categories pc ON pc.id = c.parent_id
                      WHERE c.id = NEW.category_id), '')), 'B') ||
        setweight(to_tsvector('simple', COALESCE(NEW.summary, '')), 'C') ||
        setweight(to_tsvector('simple', COALESCE(NEW.description, '')), 'D');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER products_search ON products;
CREATE TRIGGER products_search
    BEFORE INSERT OR UPDATE OF name, sku, brand_id, category_id, summary, description
    ON products FOR EACH ROW EXECUTE FUNCTION products_search_document();

-- A renamed or moved category: its products and those of its subcategories.
CREATE FUNCTION categories_search_rename() RETURNS trigger AS $$
BEGIN
    UPDATE products SET name = name
        WHERE category_id = NEW.id
           OR category_id IN (SELECT id FROM categories WHERE parent_id = NEW.id);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER categories_search AFTER UPDATE OF name, parent_id ON categories
    FOR EACH ROW EXECUTE FUNCTION categories_search_rename();

UPDATE products SET name = name;
