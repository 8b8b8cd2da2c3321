-- Full-text search over products (db::search): a weighted tsvector kept in step by triggers, with a
-- GIN index. The 'simple' configuration (no stemming) because names are Swedish and English alike.
ALTER TABLE products ADD COLUMN search_document tsvector;

CREATE FUNCTION products_search_document() RETURNS trigger AS $$
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

CREATE FUNCTION brands_search_rename() RETURNS trigger AS $$
BEGIN
    UPDATE products SET name = name WHERE brand_id = NEW.id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER brands_search AFTER UPDATE OF name ON brands
    FOR EACH ROW EXECUTE FUNCTION brands_search_rename();

UPDATE products SET name = name;
CREATE INDEX products_search ON products USING GIN (search_document);
