-- Content staff edit in admin: a captions file beside an article's video, and articles found by
-- the product they are about (the product page lists them).
ALTER TABLE content_pages ADD COLUMN captions_url TEXT;
CREATE INDEX content_pages_product ON content_pages (product_id);
