-- A payment's number for people: «2026-000123», the year it was made and its
-- place in that year. The subscriber reads it aloud to the supplier's support;
-- the hex `id` stays the API's unguessable key. Each year counts on from its
-- last number, never reusing one (a deleted cabinet's payments leave gaps).
CREATE TABLE payment_numbers (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

ALTER TABLE payments ADD COLUMN number TEXT;

UPDATE payments SET number = (
    SELECT strftime('%Y', p.created_at, 'unixepoch') || '-' || printf('%06d', p.place)
    FROM (
        SELECT rowid AS row, created_at, ROW_NUMBER() OVER (
            PARTITION BY strftime('%Y', created_at, 'unixepoch') ORDER BY created_at, rowid
        ) AS place
        FROM payments
    ) p
    WHERE p.row = payments.rowid
);

INSERT INTO payment_numbers (year, last)
SELECT CAST(strftime('%Y', created_at, 'unixepoch') AS INTEGER), COUNT(*)
FROM payments GROUP BY 1;

CREATE UNIQUE INDEX payments_number ON payments (number);
