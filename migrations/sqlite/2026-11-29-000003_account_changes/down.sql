ALTER TABLE outbox DROP COLUMN next_attempt_at;
ALTER TABLE users DROP COLUMN credentials_changed_at;
CREATE TABLE account_tokens_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'invitation')),
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO account_tokens_old (id, purpose, token_hash, user_id, expires_at, used_at, created_at)
    SELECT id, purpose, token_hash, user_id, expires_at, used_at, created_at FROM account_tokens
    WHERE purpose <> 'change_email';
DROP TABLE account_tokens;
ALTER TABLE account_tokens_old RENAME TO account_tokens;
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
