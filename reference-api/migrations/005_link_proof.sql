-- Proof of ownership when linking: the second datum of the receipt each
-- supplier asks besides the number, and each account's datum of that kind
-- (a meter_serial supplier's accounts are checked against their meters'
-- serials, a last_bill_amount supplier's against `last_bill_kop`). The seed
-- sets every column at each start; the defaults only fill the rows of an
-- older database until then.
ALTER TABLE suppliers ADD COLUMN proof_kind TEXT NOT NULL DEFAULT 'meter_serial'
    CHECK (proof_kind IN ('meter_serial', 'last_bill_amount'));
ALTER TABLE suppliers ADD COLUMN proof_label TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN proof_hint TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN proof_example TEXT NOT NULL DEFAULT '';

-- The amount of the account's last bill, in kopecks; NULL where its
-- supplier asks for a meter's serial.
ALTER TABLE supplier_accounts ADD COLUMN last_bill_kop INTEGER;
