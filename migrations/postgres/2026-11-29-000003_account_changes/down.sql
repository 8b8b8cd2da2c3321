ALTER TABLE outbox DROP COLUMN next_attempt_at;
ALTER TABLE users DROP COLUMN credentials_changed_at;
DELETE FROM account_tokens WHERE purpose = 'change_email';
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
    CHECK (purpose IN ('verify_email', 'reset_password', 'invitation'));
ALTER TABLE account_tokens DROP COLUMN payload;
