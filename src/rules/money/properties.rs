//! Property tests of the money rules (kopecks ⇄ text, the balance, what was
//! paid on a day). No input may panic and what comes out must have the
//! promised shape or read back to what went in (see `rules/strategies.rs` for
//! the inputs tried).

use proptest::prelude::*;

use super::{Balance, MAX_PAYMENT_KOP, TOO_BIG, balance, format_rub, paid_on, parse_rub, to_input};
use crate::api::types::{Payment, PaymentStatus};
use crate::rules::strategies::{NBSP, read_signed, text};

/// `-1 234,56 ₽` (no-break spaces between groups of three) → `-123456`.
fn read_rub(s: &str) -> Option<i128> {
    let (negative, body) = s.strip_prefix('-').map_or((false, s), |b| (true, b));
    let body = body.strip_suffix("\u{a0}₽")?;
    let (rubles, _) = body.split_once(',')?;
    let groups: Vec<&str> = rubles.split(NBSP).collect();
    let grouped = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
    let sign = if negative { "-" } else { "" };
    grouped
        .then(|| read_signed(&format!("{sign}{}", body.replace(NBSP, "")), ',', 2..=2))
        .flatten()
}

proptest! {
    #[test]
    fn format_rub_reads_back_over_the_whole_range(kop in any::<i64>()) {
        let text = format_rub(kop);
        prop_assert_eq!(read_rub(&text), Some(i128::from(kop)), "{:?}", text);
        prop_assert!(!text.contains(' '), "only no-break spaces: {:?}", text);
    }

    #[test]
    fn balance_names_debt_or_overpayment_by_the_sign(kop in prop_oneof![any::<i64>(), Just(i64::MIN), Just(0)]) {
        let state = balance(kop);
        let text = state.text();
        let amount = |sum: &str| read_rub(sum).unwrap_or(-1);
        match &state {
            Balance::Debt(sum) => {
                prop_assert!(kop > 0);
                prop_assert_eq!(amount(sum), i128::from(kop));
                prop_assert_eq!(text, format!("Задолженность: {sum}"));
                prop_assert_eq!((state.label(), state.sum()), ("Задолженность", Some(sum.as_str())));
            }
            Balance::Overpayment(sum) => {
                prop_assert!(kop < 0);
                prop_assert_eq!(amount(sum), -i128::from(kop));
                prop_assert_eq!(text, format!("Переплата: {sum}"));
                prop_assert_eq!((state.label(), state.sum()), ("Переплата", Some(sum.as_str())));
            }
            Balance::Settled => {
                prop_assert_eq!(kop, 0);
                prop_assert_eq!(text, "Задолженности нет");
                prop_assert_eq!((state.label(), state.sum()), ("Задолженности нет", None));
            }
        }
    }

    #[test]
    fn to_input_reads_back_and_parses_within_the_limits(kop in any::<i64>()) {
        let input = to_input(kop);
        prop_assert_eq!(read_signed(&input, ',', 2..=2), Some(i128::from(kop)), "{:?}", input);
        let parsed = parse_rub(&input);
        if (1..=MAX_PAYMENT_KOP).contains(&kop) {
            prop_assert_eq!(parsed, Ok(kop));
        } else if kop > MAX_PAYMENT_KOP {
            prop_assert_eq!(parsed, Err(TOO_BIG));
        } else {
            prop_assert_eq!(parsed, Err("Сумма оплаты должна быть больше нуля."));
        }
    }

    #[test]
    fn whole_rubles_are_taken_up_to_the_maximum(rubles in prop_oneof![any::<u64>(), 0..200_000_u64]) {
        let parsed = parse_rub(&rubles.to_string());
        match rubles {
            0 => prop_assert_eq!(parsed, Err("Сумма оплаты должна быть больше нуля.")),
            1..=100_000 => prop_assert_eq!(parsed, Ok(rubles as i64 * 100)),
            _ => prop_assert_eq!(parsed, Err(TOO_BIG)),
        }
    }

    #[test]
    fn any_amount_parse_rub_takes_is_payable_and_reads_back(input in text()) {
        if let Ok(kop) = parse_rub(&input) {
            prop_assert!((1..=MAX_PAYMENT_KOP).contains(&kop), "{:?} → {}", input, kop);
            prop_assert_eq!(parse_rub(&format_rub(kop)), Ok(kop));
            prop_assert_eq!(parse_rub(&to_input(kop)), Ok(kop));
        }
    }

    #[test]
    fn paid_on_sums_that_days_succeeded_payments_without_overflow(
        list in prop::collection::vec(
            (any::<i64>(), 0..3_u8, prop_oneof![Just("2026-11-25T08:00:00Z".to_owned()), Just("2026-11-24T08:00:00Z".to_owned()), ".*"]),
            0..8,
        ),
        day in prop_oneof![Just("2026-11-25".to_owned()), ".*"],
    ) {
        let payments: Vec<Payment> = list
            .iter()
            .map(|(amount_kop, status, created_at)| Payment {
                id: "p".into(),
                number: "2026-000001".into(),
                account_id: "a".into(),
                amount_kop: *amount_kop,
                status: [PaymentStatus::Pending, PaymentStatus::Succeeded, PaymentStatus::Canceled][usize::from(*status)],
                created_at: created_at.clone(),
                confirmation_url: None,
            })
            .collect();
        let exact: i128 = payments
            .iter()
            .filter(|p| p.status == PaymentStatus::Succeeded && p.created_at.starts_with(&day))
            .map(|p| i128::from(p.amount_kop))
            .sum();
        let expected = exact.clamp(i64::MIN.into(), i64::MAX.into());
        prop_assert_eq!(i128::from(paid_on(&payments, &day)), expected);
    }
}
