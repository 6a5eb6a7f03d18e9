// The reference API's seeded accounts (reference-api/fixtures/seed.json, the
// README's demo list) and the datum of the receipt each one's supplier asks to
// link it: a meter's serial number (Воронеж, Жигулевск, Иваново, Ижевск,
// Йошкар-Ола) or the amount of the last bill (Калуга, Краснодар, Кемерово,
// Киров). Account numbers are unique across suppliers (the region comes first).

/** The labels the API gives the datum (`link_proof.label`), as the form shows them. */
export const METER_SERIAL = 'Заводской номер счетчика:';
export const LAST_BILL = 'Сумма последнего начисления по квитанции, ₽:';

/** Number → the datum that proves it, typed as a subscriber reads it off the receipt (the first meter's serial; `last_bill_kop` in rubles). */
export const PROOFS: Readonly<Record<string, string>> = {
  '3600000001': 'СГ-100001',
  '3600000002': 'СГ-352353',
  '3600000003': 'СГ-164867',
  '6300000001': 'СГ-296997',
  '6300000002': 'СГ-657549',
  '6300000003': 'СГ-355953',
  '3700000001': 'СГ-901710',
  '3700000002': 'СГ-830901',
  '3700000003': 'СГ-801133',
  '1800000001': 'СГ-500001',
  '1800000002': 'СГ-507332',
  '1800000003': 'СГ-514663',
  '1200000001': 'СГ-521154',
  '1200000002': 'СГ-341960',
  '1200000003': 'СГ-291200',
  '4000000001': '873,45',
  '4000000002': '642,10',
  '4000000003': '1 128,90',
  '2300000001': '734,00',
  '2300000002': '986,15',
  '2300000003': '1 510,20',
  '4200000001': '567,80',
  '4200000002': '2 433,00',
  '4200000003': '1 305,55',
  '4300000001': '912,40',
  '4300000002': '1 050,00',
  '4300000003': '1 673,75',
};

/** Where the holder lives and who it is: what another cabinet must never see of 3600000001. */
export const IVANOV = { number: '3600000001', address: 'г. Воронеж, ул. Ленина', holder: 'Иванов И' };

/** The datum that proves `number` (spaces pasted from a receipt are not part of it). */
export function proofOf(number: string): string {
  const proof = PROOFS[number.replace(/\s/g, '')];
  if (proof === undefined) throw new Error(`no proof of ${number} in support/seed.ts`);
  return proof;
}
