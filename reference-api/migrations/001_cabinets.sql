-- Cabinets (users), their sessions, confirmation links, the mail outbox and
-- the captcha challenges already spent. Instants are unix seconds (UTC).
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    confirmed INTEGER NOT NULL DEFAULT 0,
    -- YYYY-MM-DD: the last day the link and the unconfirmed cabinet live; NULL once confirmed.
    confirm_until TEXT,
    created_at INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE confirmation_tokens (
    token_hash TEXT PRIMARY KEY,
    -- NULL once the cabinet was deleted: the link then says it expired.
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX confirmation_tokens_user ON confirmation_tokens (user_id);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    links TEXT NOT NULL, -- a JSON array of URLs
    sent_at TEXT NOT NULL
);

CREATE TABLE used_captchas (
    challenge TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
