-- The supplier side (reloaded from fixtures/seed.json at every start) and the
-- cabinet's links to it.
CREATE TABLE suppliers (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    region TEXT NOT NULL,
    region_code TEXT NOT NULL,
    support_email TEXT,
    max_digits INTEGER NOT NULL,
    pattern TEXT NOT NULL,
    hint TEXT NOT NULL,
    example TEXT NOT NULL,
    window_from INTEGER NOT NULL,
    window_to INTEGER NOT NULL
);

CREATE TABLE supplier_accounts (
    id INTEGER PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    holder TEXT NOT NULL,
    address TEXT NOT NULL,
    balance_kop INTEGER NOT NULL,
    window_from INTEGER NOT NULL,
    window_to INTEGER NOT NULL,
    UNIQUE (supplier_id, number)
);

CREATE TABLE tariffs (
    account_id INTEGER NOT NULL REFERENCES supplier_accounts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    service TEXT NOT NULL,
    name TEXT NOT NULL,
    price_kop INTEGER NOT NULL,
    unit TEXT NOT NULL,
    PRIMARY KEY (account_id, position)
);

CREATE TABLE meters (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES supplier_accounts (id) ON DELETE CASCADE,
    serial TEXT NOT NULL,
    service TEXT NOT NULL,
    unit TEXT NOT NULL,
    -- Thousandths of a unit (12345.678 m³ = 12345678); NULL: never read.
    last_value INTEGER,
    last_date TEXT,
    verification_due TEXT,
    average_monthly INTEGER NOT NULL
);

CREATE TABLE links (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES supplier_accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, account_id)
);
