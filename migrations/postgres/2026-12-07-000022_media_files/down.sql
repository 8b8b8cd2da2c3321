DROP INDEX product_media_kind;
DROP TABLE media_files;
