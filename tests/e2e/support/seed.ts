// The reference API's seeded accounts (reference-api/fixtures/seed.json, the
// README's demo list) and the datum of the receipt each one's supplier asks to
// link it: a meter's serial number (Воронеж, Жигулевск, Иваново, Ижевск,
// Йошкар-Ола) or the amount of the last bill (Калуга, Краснодар, Кемерово,
// Киров). Account numbers are unique across suppliers (the region comes first).

/** The labels the API gives the datum (`link_proof.label`), as the form shows them. */
export const METER_SERIAL = 'Заводской номер счетчика:';
export const LAST_BILL = 'Сумма последнего начисления по квитанции, ₽:';

/** Number → the datum that proves it, typed as a subscriber reads it off the receipt. */
export const PROOFS: Readonly<Record<string, string>> = {
  '3600000001': 'СГ-100001',
  '3600000002': 'СГ-352353',
  '3600000003': 'СГ-164867',
  '6300000001': 'СГ-296997',
  '3700000001': 'СГ-901710',
  '1800000001': 'СГ-500001',
  '1200000001': 'СГ-521154',
  '4300000002': '1 050,00',
};

/** Where the holder lives and who it is: what another cabinet must never see of 3600000001. */
export const IVANOV = { number: '3600000001', address: 'г. Воронеж, ул. Ленина', holder: 'Иванов' };

/** The datum that proves `number` (spaces pasted from a receipt are not part of it). */
export function proofOf(number: string): string {
  const proof = PROOFS[number.replace(/\s/g, '')];
  if (proof === undefined) throw new Error(`no proof of ${number} in support/seed.ts`);
  return proof;
}
