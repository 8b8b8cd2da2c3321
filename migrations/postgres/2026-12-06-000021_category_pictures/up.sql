-- A category's own picture, uploaded by staff: the widths written (srcset) beside image_url
-- (the widest copy), as product pictures keep them.
ALTER TABLE categories ADD COLUMN image_srcset TEXT;
