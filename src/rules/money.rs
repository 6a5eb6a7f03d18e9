//! Money is integer kopecks end to end; this is where it meets the eye.

/// A no-break space: `1 234,56 ₽` never breaks across lines.
const NBSP: char = '\u{a0}';

/// `123456` → `1 234,56 ₽` (no-break spaces). Negative amounts keep their sign.
pub fn format_rub(kop: i64) -> String {
    let sign = if kop < 0 { "-" } else { "" };
    let abs = kop.unsigned_abs();
    let rubles = (abs / 100).to_string();
    let mut grouped = String::with_capacity(rubles.len() + rubles.len() / 3);
    for (i, digit) in rubles.chars().enumerate() {
        if i > 0 && (rubles.len() - i).is_multiple_of(3) {
            grouped.push(NBSP);
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped},{:02}{NBSP}₽", abs % 100)
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
        k if k > 0 => Balance::Debt(format_rub(k)),
        k if k < 0 => Balance::Overpayment(format_rub(-k)),
        _ => Balance::Settled,
    }
}

impl Balance {
    /// `Задолженность: 1 234,56 ₽` and the like.
    pub fn text(&self) -> String {
        match self {
            Self::Debt(sum) => format!("Задолженность: {sum}"),
            Self::Overpayment(sum) => format!("Переплата: {sum}"),
            Self::Settled => "Задолженности нет".to_owned(),
        }
    }
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
    fn balance_is_a_debt_an_overpayment_or_settled() {
        assert_eq!(plain(balance(123_456).text()), "Задолженность: 1 234,56 ₽");
        assert_eq!(plain(balance(-10_000).text()), "Переплата: 100,00 ₽");
        assert_eq!(balance(0).text(), "Задолженности нет");
    }
}
