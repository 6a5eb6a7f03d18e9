-- Password reset links: only the SHA-256 of a token is kept; single use.
CREATE TABLE password_reset_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX password_reset_tokens_user ON password_reset_tokens (user_id);
