-- Files staff upload for the shop's pages (Admin → Files): pictures for articles and
-- promotions (stored in the shop's widths, as product pictures are), videos and their captions.
-- Pages refer to a file by its address on this site.
CREATE TABLE media_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL UNIQUE,
    srcset TEXT,
    bytes BIGINT NOT NULL,
    width INTEGER,
    height INTEGER,
    uploaded_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX media_files_kind_created ON media_files (kind, created_at);
CREATE INDEX media_files_created ON media_files (created_at);
-- A file's page lists the products whose video, still or captions it is: one lookup per
-- column, among video rows.
CREATE INDEX product_media_kind ON product_media (kind, url);
CREATE INDEX product_media_kind_poster ON product_media (kind, poster_url);
CREATE INDEX product_media_kind_captions ON product_media (kind, captions_url);
