//! Proof of ownership when linking an account: the second datum of the
//! receipt a supplier asks for besides the number, and how a subscriber's
//! answer is read and matched. Pure functions; `accounts.rs` does the asking.

use serde::{Deserialize, Serialize};

/// Which datum of the receipt a supplier asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProofKind {
    /// The serial number of any of the account's meters, e.g. «СГ-100001».
    MeterSerial,
    /// The amount of the last bill in rubles, e.g. «1 050,00».
    LastBillAmount,
}

impl ProofKind {
    /// The name kept in the database and sent to clients.
    pub fn as_str(self) -> &'static str {
        match self {
            ProofKind::MeterSerial => "meter_serial",
            ProofKind::LastBillAmount => "last_bill_amount",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [ProofKind::MeterSerial, ProofKind::LastBillAmount]
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }

    /// The message for an empty answer.
    fn missing(self) -> &'static str {
        match self {
            ProofKind::MeterSerial => {
                "Введите заводской номер счетчика, как он указан на квитанции."
            }
            ProofKind::LastBillAmount => {
                "Введите сумму последнего начисления по квитанции, например 1 050,00."
            }
        }
    }
}

pub const AMOUNT_MALFORMED: &str = "Сумма указывается в рублях и копейках, например 1 050,00.";

/// A subscriber's answer, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Normalised by [`normalize_serial`].
    Serial(String),
    AmountKop(i64),
}

/// What an account's answer is checked against.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Expected {
    /// The account's meters' serials, as seeded.
    pub serials: Vec<String>,
    pub last_bill_kop: Option<i64>,
}

impl Expected {
    /// Stands in for an account that does not exist, so that an unknown
    /// number is compared like a known one and matches nothing.
    pub fn nothing() -> Self {
        Expected {
            serials: vec![String::new()],
            last_bill_kop: None,
        }
    }
}

/// Reads an answer to a supplier's question; `Err` is the field's message.
pub fn read_answer(kind: ProofKind, text: &str) -> Result<Answer, &'static str> {
    match kind {
        ProofKind::MeterSerial => Some(normalize_serial(text))
            .filter(|serial| !serial.is_empty())
            .map(Answer::Serial)
            .ok_or(kind.missing()),
        ProofKind::LastBillAmount if text.trim().is_empty() => Err(kind.missing()),
        ProofKind::LastBillAmount => parse_amount_kop(text)
            .map(Answer::AmountKop)
            .ok_or(AMOUNT_MALFORMED),
    }
}

/// Whether `answer` matches `expected`. Every serial is compared, whichever
/// matches, and an empty expected serial matches nothing.
pub fn matches(answer: &Answer, expected: &Expected) -> bool {
    match answer {
        Answer::Serial(serial) => expected.serials.iter().fold(false, |found, candidate| {
            let candidate = normalize_serial(candidate);
            (!candidate.is_empty() && candidate == *serial) | found
        }),
        Answer::AmountKop(kop) => expected.last_bill_kop == Some(*kop),
    }
}

/// A serial as compared: without white space and dashes, in upper case, with
/// the Latin letters that look like Cyrillic ones («C» in «CГ-100001») taken
/// as those.
pub fn normalize_serial(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !is_dash(*c))
        .flat_map(char::to_uppercase)
        .map(cyrillic_look_alike)
        .collect()
}

/// '-' and the dashes a word processor or a phone puts in its place.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn cyrillic_look_alike(c: char) -> char {
    match c {
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        other => other,
    }
}

/// The most rubles an amount may have (a last bill is far below it).
const MAX_RUBLES_DIGITS: usize = 9;

/// Rubles with optional kopecks ("1050", "1 050,00", "1050.00", "1 050,5",
/// spaces of any kind between the digits, a trailing «₽») → kopecks;
/// `None` when it is not such an amount.
pub fn parse_amount_kop(text: &str) -> Option<i64> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.strip_suffix('₽').unwrap_or(&compact);
    let (rubles, kopecks) = compact.split_once([',', '.']).unwrap_or((compact, "00"));
    let digits = |part: &str, max: usize| {
        (1..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(rubles, MAX_RUBLES_DIGITS) || !digits(kopecks, 2) {
        return None;
    }
    let rubles: i64 = rubles.parse().ok()?;
    // "1 050,5" is fifty kopecks, as a calculator writes it.
    let kopecks: i64 = format!("{kopecks:0<2}").parse().ok()?;
    Some(rubles * 100 + kopecks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_compared_without_dashes_spaces_case_or_latin_look_alikes() {
        let seeded = "СГ-100001";
        for typed in [
            "СГ-100001",
            "СГ100001",
            "сг-100001",
            " СГ 100 001 ",
            "CГ-100001",
            "cг–100001",
            "СГ\u{a0}100001",
        ] {
            assert_eq!(normalize_serial(typed), normalize_serial(seeded), "{typed}");
        }
        assert_eq!(normalize_serial("abcehkmoptxy"), "АВСЕНКМОРТХУ");
        assert_ne!(normalize_serial("СГ-100002"), normalize_serial(seeded));
        // «Г» has no Latin look-alike: «CR» is not «СГ».
        assert_ne!(normalize_serial("CR-100001"), normalize_serial(seeded));
    }

    #[test]
    fn amounts_are_rubles_with_optional_kopecks() {
        for (typed, kop) in [
            ("1050", 105_000),
            ("1 050,00", 105_000),
            ("1050.00", 105_000),
            ("1\u{a0}050,00", 105_000),
            ("1\u{202f}050,00 ₽", 105_000),
            ("1 050,5", 105_050),
            ("1 050,05", 105_005),
            ("0,99", 99),
            ("999999999,99", 99_999_999_999),
        ] {
            assert_eq!(parse_amount_kop(typed), Some(kop), "{typed}");
        }
        for typed in [
            "",
            "₽",
            ",50",
            "1050,",
            "1050,000",
            "1.050,00",
            "-1050",
            "+1050",
            "1050 руб",
            "1e3",
            "１０５０",
            "1234567890",
        ] {
            assert_eq!(parse_amount_kop(typed), None, "{typed}");
        }
    }

    #[test]
    fn answers_are_read_for_the_supplier_kind() {
        assert_eq!(
            read_answer(ProofKind::MeterSerial, "  "),
            Err("Введите заводской номер счетчика, как он указан на квитанции.")
        );
        assert_eq!(
            read_answer(ProofKind::MeterSerial, " - "),
            Err("Введите заводской номер счетчика, как он указан на квитанции.")
        );
        assert_eq!(
            read_answer(ProofKind::LastBillAmount, ""),
            Err("Введите сумму последнего начисления по квитанции, например 1 050,00.")
        );
        assert_eq!(
            read_answer(ProofKind::LastBillAmount, "тысяча"),
            Err(AMOUNT_MALFORMED)
        );
        assert_eq!(
            read_answer(ProofKind::LastBillAmount, "1 050,00"),
            Ok(Answer::AmountKop(105_000))
        );
        // Any text is a serial: a wrong one simply does not match.
        assert_eq!(
            read_answer(ProofKind::MeterSerial, "1 050,00"),
            Ok(Answer::Serial("1050,00".into()))
        );
    }

    #[test]
    fn an_answer_matches_any_meter_or_the_exact_amount() {
        let account = Expected {
            serials: vec!["СГ-164867".into(), "СГ-403677".into()],
            last_bill_kop: Some(105_000),
        };
        let serial = |text| read_answer(ProofKind::MeterSerial, text).unwrap();
        let amount = |text| read_answer(ProofKind::LastBillAmount, text).unwrap();
        assert!(matches(&serial("сг 403677"), &account));
        assert!(matches(&serial("CГ-164867"), &account));
        assert!(!matches(&serial("СГ-164868"), &account));
        assert!(matches(&amount("1050"), &account));
        assert!(!matches(&amount("1 050,01"), &account));
        for answer in [serial("СГ-164867"), amount("1050")] {
            assert!(!matches(&answer, &Expected::nothing()), "{answer:?}");
            assert!(!matches(&answer, &Expected::default()), "{answer:?}");
        }
    }

    #[test]
    fn kinds_have_their_names() {
        for kind in [ProofKind::MeterSerial, ProofKind::LastBillAmount] {
            assert_eq!(ProofKind::from_name(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::json!(kind.as_str())
            );
        }
        assert_eq!(ProofKind::from_name("pin"), None);
    }
}
