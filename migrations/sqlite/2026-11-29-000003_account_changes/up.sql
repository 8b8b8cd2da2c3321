-- Changing the sign-in e-mail (a link to the new address carries it as the token's payload),
-- ending other sessions when a password changes, and retrying outgoing mail with a back-off.
-- SQLite cannot change a CHECK constraint, so account_tokens is rebuilt (it holds only links).
CREATE TABLE account_tokens_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'invitation', 'change_email')),
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    payload TEXT
);
INSERT INTO account_tokens_new (id, purpose, token_hash, user_id, expires_at, used_at, created_at)
    SELECT id, purpose, token_hash, user_id, expires_at, used_at, created_at FROM account_tokens;
DROP TABLE account_tokens;
ALTER TABLE account_tokens_new RENAME TO account_tokens;
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
ALTER TABLE users ADD COLUMN credentials_changed_at TIMESTAMP;
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMP;
