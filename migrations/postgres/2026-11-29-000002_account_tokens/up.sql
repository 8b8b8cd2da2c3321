-- E-mail verification, password reset and invitation links. Only a SHA-256 hash of each token is
-- stored; the token itself exists only in the e-mail.
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP;

CREATE TABLE account_tokens (
    id BIGSERIAL PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'invitation')),
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
