-- Pictures staff upload are stored in several widths; `srcset` lists them for the storefront
-- (`/media/p/x-640.jpg 640w, …`), `url` is the widest. Demo pictures (SVG) have none.
ALTER TABLE product_media ADD COLUMN srcset TEXT;
-- Staff lists of products, newest change first.
CREATE INDEX products_updated ON products (updated_at);
