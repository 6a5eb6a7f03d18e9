-- Readings sent from cabinets, and payments made from them.
CREATE TABLE readings (
    id INTEGER PRIMARY KEY,
    meter_id INTEGER NOT NULL,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    payment_id TEXT,
    value INTEGER NOT NULL, -- thousandths of a unit
    date TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The cabinet's link the payment was made through, and the supplier account.
    link_id INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES supplier_accounts (id) ON DELETE CASCADE,
    amount_kop INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'canceled')),
    return_url TEXT NOT NULL,
    -- JSON [[meter_id, thousandths], …] recorded when the payment succeeds.
    readings TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    settled_at INTEGER,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX payments_account ON payments (user_id, account_id);
