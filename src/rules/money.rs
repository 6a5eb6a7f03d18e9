//! Money is integer kopecks end to end; this is where it meets the eye.

use super::typography::{NBSP, grouped};
use super::{Decimal, decimal, split_sign};
use crate::api::types::{Payment, PaymentStatus};

/// `123456` → `1 234,56 ₽` (no-break spaces). Negative amounts keep their sign.
pub fn format_rub(kop: i64) -> String {
    let (sign, abs) = split_sign(kop);
    sign.to_owned() + &format_abs(abs)
}

/// The amount without a sign: every `i64` has one, `i64::MIN` included.
/// Rubles grouped by threes as every large number is (`typography::grouped`),
/// then the kopecks and `₽`.
fn format_abs(kop: u64) -> String {
    format!("{},{:02}{NBSP}₽", grouped(kop / 100), kop % 100)
}

/// How a balance reads on an account: a debt, an overpayment, or neither.
#[derive(Clone, Debug, PartialEq)]
pub enum Balance {
    Debt(String),
    Overpayment(String),
    Settled,
}

pub fn balance(balance_kop: i64) -> Balance {
    match balance_kop {
        k if k > 0 => Balance::Debt(format_abs(k.unsigned_abs())),
        k if k < 0 => Balance::Overpayment(format_abs(k.unsigned_abs())),
        _ => Balance::Settled,
    }
}

impl Balance {
    /// `Задолженность: 1 234,56 ₽` and the like: a card's line.
    pub fn text(&self) -> String {
        match self.sum() {
            Some(sum) => format!("{}: {sum}", self.label()),
            None => self.label().to_owned(),
        }
    }

    /// The balance's one word, the same on a card, on the account's panel
    /// (over the sum shown large) and on the pay page: `Задолженность`,
    /// `Переплата` or `Задолженности нет`. Every sum is shown in the text
    /// colour: a debt is a bill to pay, not an error (red is for errors).
    pub fn label(&self) -> &'static str {
        match self {
            Self::Debt(_) => "Задолженность",
            Self::Overpayment(_) => "Переплата",
            Self::Settled => "Задолженности нет",
        }
    }

    /// The sum of a debt or an overpayment; none when settled.
    pub fn sum(&self) -> Option<&str> {
        match self {
            Self::Debt(sum) | Self::Overpayment(sum) => Some(sum),
            Self::Settled => None,
        }
    }

    /// One sentence under the panel's sum: what the state means to the subscriber.
    pub fn meaning(&self) -> &'static str {
        match self {
            Self::Debt(_) => "Сумма к оплате на сегодня по данным поставщика.",
            Self::Overpayment(_) => {
                "Задолженности нет. Переплата пойдёт в счёт следующих начислений."
            }
            Self::Settled => "Оплачивать сейчас ничего не нужно. Можно внести сумму заранее.",
        }
    }
}

/// The largest payment the cabinet takes: 100 000,00 ₽ (the API's limit too).
pub const MAX_PAYMENT_KOP: i64 = 10_000_000;

/// Said when an amount is above [`MAX_PAYMENT_KOP`].
pub const TOO_BIG: &str = "Сумма оплаты не может превышать 100\u{a0}000,00\u{a0}₽.";

/// An amount typed in rubles (`100`, `100,50`, `1 234.5`, `1 234,56 ₽`) → kopecks.
pub fn parse_rub(input: &str) -> Result<i64, &'static str> {
    let cleaned = ungrouped(input);
    if cleaned.is_empty() {
        return Err("Введите сумму оплаты.");
    }
    if cleaned.starts_with('-') {
        return Err("Сумма оплаты должна быть больше нуля.");
    }
    // More than 9 digits of rubles is far above the maximum anyway.
    let total = decimal(&cleaned, 2, 9).map_err(|why| match why {
        Decimal::NotANumber => "Введите сумму числом, например 100,50.",
        Decimal::TooManyPlaces => "После запятой — не больше двух цифр (копейки), например 100,50.",
        Decimal::TooBig => TOO_BIG,
    })?;
    if total == 0 {
        Err("Сумма оплаты должна быть больше нуля.")
    } else if total > MAX_PAYMENT_KOP {
        Err(TOO_BIG)
    } else {
        Ok(total)
    }
}

/// An amount as typed or copied, without what only dresses it: spaces
/// (no-break ones too) group thousands, a trailing ₽ comes from a copied amount.
fn ungrouped(input: &str) -> String {
    input
        .trim()
        .trim_end_matches('₽')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// An amount of a receipt in rubles with optional kopecks (`1050`,
/// `1 050,00`, `1050.5`, `1 050,00 ₽`) → kopecks, zero included; `None` when
/// it is not one (empty, signed, more than two places, beyond 12 digits of rubles).
pub fn rub_to_kop(input: &str) -> Option<i64> {
    decimal(&ungrouped(input), 2, 12).ok()
}

/// `123456` → `1234,56`: the amount as it is typed into a field.
pub fn to_input(kop: i64) -> String {
    let (sign, abs) = split_sign(kop);
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

/// The sum of payments that succeeded on `day` (`YYYY-MM-DD`, UTC), which
/// the supplier has not booked yet: shown beside the balance.
pub fn paid_on(payments: &[Payment], day: &str) -> i64 {
    payments
        .iter()
        .filter(|p| p.status == PaymentStatus::Succeeded && p.created_at.starts_with(day))
        .map(|p| i128::from(p.amount_kop))
        .sum::<i128>()
        // Summed without overflow; a total beyond `i64` (absurd API data) stops at its bounds.
        .clamp(i64::MIN.into(), i64::MAX.into()) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: String) -> String {
        s.replace(NBSP, " ")
    }

    #[test]
    fn kopecks_read_as_rubles() {
        assert_eq!(plain(format_rub(123_456)), "1 234,56 ₽");
        assert_eq!(plain(format_rub(10_000)), "100,00 ₽");
        assert_eq!(plain(format_rub(5)), "0,05 ₽");
        assert_eq!(plain(format_rub(0)), "0,00 ₽");
        assert_eq!(plain(format_rub(12_345_678_901)), "123 456 789,01 ₽");
        assert_eq!(plain(format_rub(-21_237)), "-212,37 ₽");
        assert!(!format_rub(123_456).contains(' '), "only no-break spaces");
    }

    #[test]
    fn amounts_in_rubles_and_kopecks_are_read() {
        assert_eq!(parse_rub("100"), Ok(10_000));
        assert_eq!(parse_rub("100,50"), Ok(10_050));
        assert_eq!(parse_rub("100.5"), Ok(10_050));
        assert_eq!(parse_rub(" 1 234,56 ₽ "), Ok(123_456));
        assert_eq!(parse_rub("0,01"), Ok(1));
        assert_eq!(parse_rub(",5"), Ok(50));
        assert_eq!(parse_rub("100 000"), Ok(MAX_PAYMENT_KOP));
    }

    #[test]
    fn receipt_amounts_are_read_to_the_kopeck() {
        assert_eq!(rub_to_kop("1050"), Some(105_000));
        assert_eq!(rub_to_kop("1 050,00"), Some(105_000));
        assert_eq!(rub_to_kop("1\u{a0}050,5"), Some(105_050));
        assert_eq!(rub_to_kop("1050.00 ₽"), Some(105_000));
        assert_eq!(rub_to_kop("0"), Some(0));
        for not_an_amount in [
            "", " ", "-1050", "+1050", "1,050,00", "1050,001", "1о50", "1e3",
        ] {
            assert_eq!(rub_to_kop(not_an_amount), None, "{not_an_amount:?}");
        }
    }

    #[test]
    fn bad_amounts_are_explained() {
        assert_eq!(parse_rub(""), Err("Введите сумму оплаты."));
        assert_eq!(parse_rub("  "), Err("Введите сумму оплаты."));
        assert_eq!(parse_rub("0"), Err("Сумма оплаты должна быть больше нуля."));
        assert_eq!(
            parse_rub("0,00"),
            Err("Сумма оплаты должна быть больше нуля.")
        );
        assert_eq!(
            parse_rub("-5"),
            Err("Сумма оплаты должна быть больше нуля.")
        );
        for not_a_number in ["abc", "1,2,3", "1.2.3", "12р", ",", "1e5", "+5"] {
            assert_eq!(
                parse_rub(not_a_number),
                Err("Введите сумму числом, например 100,50."),
                "{not_a_number:?}"
            );
        }
        assert_eq!(
            parse_rub("1,234"),
            Err("После запятой — не больше двух цифр (копейки), например 100,50.")
        );
        assert_eq!(parse_rub("100000,01"), Err(TOO_BIG));
        assert_eq!(parse_rub("99999999999999999999"), Err(TOO_BIG));
        assert_eq!(
            plain(TOO_BIG.into()),
            "Сумма оплаты не может превышать 100 000,00 ₽."
        );
        assert!(
            TOO_BIG.contains("100\u{a0}000,00\u{a0}₽"),
            "no-break spaces in the sum"
        );
    }

    #[test]
    fn paid_today_counts_succeeded_payments_of_that_day() {
        let payment = |amount_kop, status, created_at: &str| Payment {
            id: "p".into(),
            number: "2026-000001".into(),
            account_id: "a".into(),
            amount_kop,
            status,
            created_at: created_at.into(),
            confirmation_url: None,
        };
        let list = [
            payment(10_000, PaymentStatus::Succeeded, "2026-11-25T08:00:00Z"),
            payment(5_050, PaymentStatus::Succeeded, "2026-11-25T21:30:00Z"),
            payment(99_999, PaymentStatus::Canceled, "2026-11-25T09:00:00Z"),
            payment(77_777, PaymentStatus::Pending, "2026-11-25T09:00:00Z"),
            payment(123, PaymentStatus::Succeeded, "2026-11-24T23:59:59Z"),
        ];
        assert_eq!(paid_on(&list, "2026-11-25"), 15_050);
        assert_eq!(paid_on(&list, "2026-11-23"), 0);
    }

    #[test]
    fn input_form_of_an_amount() {
        assert_eq!(to_input(123_456), "1234,56");
        assert_eq!(to_input(5), "0,05");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Formatting then parsing gives back the kopecks, for every payable amount.
        #[test]
        fn format_then_parse_is_identity(kop in 1..=MAX_PAYMENT_KOP) {
            proptest::prop_assert_eq!(parse_rub(&format_rub(kop)), Ok(kop));
            proptest::prop_assert_eq!(parse_rub(&to_input(kop)), Ok(kop));
        }
    }

    #[test]
    fn balance_is_a_debt_an_overpayment_or_settled() {
        assert_eq!(plain(balance(123_456).text()), "Задолженность: 1 234,56 ₽");
        assert_eq!(plain(balance(-10_000).text()), "Переплата: 100,00 ₽");
        assert_eq!(balance(0).text(), "Задолженности нет");
    }

    #[test]
    fn the_balance_panel_says_what_to_pay_in_the_cards_words() {
        let debt = balance(123_456);
        assert_eq!(debt.label(), "Задолженность");
        assert!(debt.text().starts_with(debt.label()));
        assert_eq!(debt.sum(), Some("1\u{a0}234,56\u{a0}₽"));
        let ahead = balance(-10_000);
        assert_eq!(ahead.label(), "Переплата");
        assert_eq!(ahead.sum(), Some("100,00\u{a0}₽"));
        assert!(ahead.meaning().starts_with("Задолженности нет."));
        let settled = balance(0);
        assert_eq!(settled.label(), "Задолженности нет");
        assert_eq!(settled.sum(), None);
        assert!(settled.meaning().contains("ничего не нужно"));
    }

    #[test]
    fn the_ruble_sign_keeps_to_its_sum() {
        for kop in [0, 5, 123_456, -21_237, i64::MAX, i64::MIN] {
            let text = format_rub(kop);
            assert!(text.ends_with("\u{a0}₽"), "{text:?}");
            assert!(!text.contains(' '), "{text:?}");
        }
    }

    /// `-i64::MIN` does not exist: the API's extreme balances once panicked
    /// with «attempt to negate with overflow».
    #[test]
    fn extreme_amounts_are_formatted() {
        assert_eq!(
            plain(balance(i64::MIN).text()),
            "Переплата: 92 233 720 368 547 758,08 ₽"
        );
        assert_eq!(
            plain(balance(i64::MAX).text()),
            "Задолженность: 92 233 720 368 547 758,07 ₽"
        );
        assert_eq!(plain(format_rub(i64::MIN)), "-92 233 720 368 547 758,08 ₽");
        assert_eq!(to_input(i64::MIN), "-92233720368547758,08");
        assert_eq!(to_input(-5), "-0,05");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
