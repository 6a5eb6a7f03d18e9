//! The number of a personal account (лицевой счет), checked against the rule
//! of the chosen supplier, as the API sends it.

use super::typography::numbered;

/// Spaces a subscriber copies from a receipt (`3600 000 001`) are not part of
/// the number. `Some` with the number without them when there were any.
pub fn without_spaces(value: &str) -> Option<String> {
    value
        .contains(char::is_whitespace)
        .then(|| value.chars().filter(|c| !c.is_whitespace()).collect())
}

/// `Лицевой счет № 3600000001`, the account's name on every page.
pub fn account_title(number: &str) -> String {
    "Лицевой счет ".to_owned() + &numbered(number)
}

/// The longest number before a supplier is chosen (the longest of the guide's).
pub const DEFAULT_MAX_DIGITS: usize = 10;

/// The supplier's rule as the subscriber reads it, under the label and in
/// the message when a number breaks it.
pub fn digits_rule(max_digits: usize) -> String {
    format!("Лицевой счет должен содержать не более {max_digits} цифр.")
}

/// Digits only, at most `max_digits` of them.
pub fn account_number(value: &str, max_digits: usize) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        Err("Введите номер лицевого счета, он указан на квитанции.".into())
    } else if !value.chars().all(|c| c.is_ascii_digit()) {
        Err("Лицевой счет может содержать только цифры.".into())
    } else if value.len() > max_digits {
        Err(digits_rule(max_digits))
    } else {
        Ok(())
    }
}

pub fn supplier_chosen(supplier_id: &str) -> Result<(), &'static str> {
    if supplier_id.is_empty() {
        Err("Выберите поставщика.")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_named_by_its_number() {
        assert_eq!(
            account_title("3600000001"),
            "Лицевой счет №\u{a0}3600000001"
        );
    }

    #[test]
    fn digits_up_to_the_suppliers_maximum() {
        assert_eq!(account_number("3600000001", 10), Ok(()));
        assert_eq!(account_number("1", 10), Ok(()));
        assert_eq!(
            account_number("36000000011", 10),
            Err("Лицевой счет должен содержать не более 10 цифр.".into())
        );
        assert_eq!(
            account_number("1234567", 6),
            Err("Лицевой счет должен содержать не более 6 цифр.".into())
        );
    }

    #[test]
    fn letters_signs_and_emptiness_are_refused() {
        assert_eq!(
            account_number("", 10),
            Err("Введите номер лицевого счета, он указан на квитанции.".into())
        );
        assert_eq!(
            account_number("36A0000001", 10),
            Err("Лицевой счет может содержать только цифры.".into())
        );
        assert_eq!(
            account_number("3600-01", 10),
            Err("Лицевой счет может содержать только цифры.".into())
        );
        assert_eq!(
            account_number("３６", 10),
            Err("Лицевой счет может содержать только цифры.".into())
        );
    }

    #[test]
    fn pasted_spaces_are_taken_out() {
        assert_eq!(without_spaces("3600 000 001"), Some("3600000001".into()));
        assert_eq!(without_spaces(" 36\t00 "), Some("3600".into()));
        assert_eq!(without_spaces("3600000001"), None);
    }

    #[test]
    fn a_supplier_must_be_chosen() {
        assert_eq!(supplier_chosen(""), Err("Выберите поставщика."));
        assert_eq!(supplier_chosen("voronezh"), Ok(()));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
