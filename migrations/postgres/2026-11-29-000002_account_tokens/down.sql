DROP TABLE IF EXISTS account_tokens;
ALTER TABLE users DROP COLUMN email_verified_at;
