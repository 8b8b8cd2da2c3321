-- Changing the sign-in e-mail (a link to the new address carries it as the token's payload),
-- ending other sessions when a password changes, and retrying outgoing mail with a back-off.
ALTER TABLE account_tokens ADD COLUMN payload TEXT;
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
    CHECK (purpose IN ('verify_email', 'reset_password', 'invitation', 'change_email'));
ALTER TABLE users ADD COLUMN credentials_changed_at TIMESTAMP;
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMP;
