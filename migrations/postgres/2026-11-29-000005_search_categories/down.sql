DROP TRIGGER categories_search ON categories;
DROP FUNCTION categories_search_rename();
DROP TRIGGER products_search ON products;
CREATE OR REPLACE FUNCTION products_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('simple', COALESCE(NEW.name, '')), 'A') ||
        setweight(to_tsvector('simple', COALESCE(NEW.sku, '')), 'A') ||
        setweight(to_tsvector('simple',
            COALESCE((SELECT name FROM brands WHERE id = NEW.brand_id), '')), 'B') ||
        setweight(to_tsvector('simple', COALESCE(NEW.summary, '')), 'C') ||
        setweight(to_tsvector('simple', COALESCE(NEW.description, '')), 'D');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER products_search BEFORE INSERT OR UPDATE OF name, sku, brand_id, summary, description
    ON products FOR EACH ROW EXECUTE FUNCTION products_search_document();
UPDATE products SET name = name;
