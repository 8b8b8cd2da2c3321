DROP INDEX product_media_kind_captions;
DROP INDEX product_media_kind_poster;
DROP INDEX product_media_kind;
DROP TABLE media_files;
