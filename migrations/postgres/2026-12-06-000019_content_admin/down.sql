DROP INDEX content_pages_product;
ALTER TABLE content_pages DROP COLUMN captions_url;
