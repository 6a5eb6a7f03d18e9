//! The second datum of the receipt that proves an account is the
//! subscriber's (`Supplier::link_proof`), checked with the API's rules: a
//! meter's serial number is more than spaces and dashes (which the API
//! ignores when it compares), the last bill is an amount in rubles with
//! optional kopecks.

use super::money::{rub_to_kop, to_input};
use crate::api::types::ProofKind;

/// What to send for `value`, or why it cannot be sent. An amount goes in the
/// one form every API reads (`1050,00`), however it was typed or copied.
pub fn proof(value: &str, kind: ProofKind) -> Result<String, &'static str> {
    let value = value.trim();
    match kind {
        ProofKind::MeterSerial if value.chars().all(|c| c.is_whitespace() || is_dash(c)) => {
            Err("Введите заводской номер счетчика, как он указан на квитанции.")
        }
        ProofKind::MeterSerial => Ok(value.to_owned()),
        ProofKind::LastBillAmount if value.is_empty() => {
            Err("Введите сумму последнего начисления по квитанции, например 1\u{a0}050,00.")
        }
        ProofKind::LastBillAmount => rub_to_kop(value)
            .map(to_input)
            .ok_or("Сумма указывается в рублях и копейках, например 1\u{a0}050,00."),
    }
}

/// '-' and the dashes a word processor or a phone puts in its place.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// The keyboard a phone shows for the datum.
pub fn input_mode(kind: ProofKind) -> &'static str {
    match kind {
        ProofKind::MeterSerial => "text",
        ProofKind::LastBillAmount => "decimal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProofKind::*;

    #[test]
    fn a_meter_serial_is_sent_as_typed_without_the_edges() {
        assert_eq!(proof("СГ-100001", MeterSerial), Ok("СГ-100001".into()));
        assert_eq!(proof("  cg 100001 ", MeterSerial), Ok("cg 100001".into()));
        for blank in [" \t", "-", " – — "] {
            assert_eq!(
                proof(blank, MeterSerial),
                Err("Введите заводской номер счетчика, как он указан на квитанции."),
                "{blank:?}"
            );
        }
    }

    #[test]
    fn the_last_bill_is_read_in_rubles_and_kopecks() {
        for typed in [
            "1050",
            "1 050,00",
            "1\u{a0}050,00",
            "1050.00",
            "1 050,0",
            "1050,00 ₽",
        ] {
            assert_eq!(
                proof(typed, LastBillAmount),
                Ok("1050,00".into()),
                "{typed:?}"
            );
        }
        assert_eq!(proof("1 050,5", LastBillAmount), Ok("1050,50".into()));
        assert_eq!(proof("0", LastBillAmount), Ok("0,00".into()));
    }

    #[test]
    fn a_bill_that_is_not_an_amount_is_explained() {
        assert_eq!(
            proof("", LastBillAmount),
            Err("Введите сумму последнего начисления по квитанции, например 1\u{a0}050,00.")
        );
        for typed in ["тысяча", "1050,001", "-1050", "1,050,00", "СГ-100001"] {
            assert_eq!(
                proof(typed, LastBillAmount),
                Err("Сумма указывается в рублях и копейках, например 1\u{a0}050,00."),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn amounts_get_a_keyboard_with_a_comma() {
        assert_eq!(input_mode(LastBillAmount), "decimal");
        assert_eq!(input_mode(MeterSerial), "text");
    }
}
