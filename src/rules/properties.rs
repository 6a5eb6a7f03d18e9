//! Property tests of every public rule. No input may panic — the whole
//! `i64`, `u64` and `usize` ranges, arbitrary strings (`".*"`,
//! `any::<String>()`) and strings of the characters each rule cares about —
//! and what comes out must have the promised shape or read back to what went
//! in, so that these tests fail when a rule goes wrong, not only when it panics.

use proptest::prelude::*;

use super::account_number::{account_number, digits_rule, supplier_chosen, without_spaces};
use super::date::{format_date, format_date_time};
use super::email::email;
use super::money::{
    Balance, MAX_PAYMENT_KOP, TOO_BIG, balance, format_rub, paid_on, parse_rub, to_input,
};
use super::password::{MAX_LEN, MIN_LEN, password, repeated};
use super::payment_page::{UNUSABLE, payment_page_url};
use super::reading::{display, format_reading, not_below, parse_reading, reading_days, to_api};
use super::return_path::{ROUTES, is_app_route, is_plain_path, local_route};
use super::typography::numbered;
use crate::api::types::{Payment, PaymentStatus};

const NBSP: char = '\u{a0}';

/// Any text: proptest's `.*`, `any::<String>()`, and short strings of the
/// characters that the rules look at.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        any::<String>(),
        "[ \t\n0-9,.+\\-/:@?#%\\\\a-zA-Zа-я₽\u{a0}]{0,24}",
    ]
}

fn month_days(y: i64, m: i64) -> i64 {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn next_day(y: i64, m: i64, d: i64) -> (i64, i64, i64) {
    if d < month_days(y, m) {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `[-]whole<point>fraction` → the number in units of the fraction, as
/// `i128` so that `i64::MIN` reads back as well. `None` when the shape is off:
/// no leading zeros, no `-0`.
fn read_signed(
    s: &str,
    point: char,
    fraction_len: std::ops::RangeInclusive<usize>,
) -> Option<i128> {
    let (negative, body) = s.strip_prefix('-').map_or((false, s), |b| (true, b));
    let (whole, fraction) = match body.split_once(point) {
        Some((whole, fraction)) if digits(fraction) => (whole, fraction),
        Some(_) => return None,
        None => (body, ""),
    };
    let scale = 10_i128.pow(*fraction_len.end() as u32);
    let leading_zero = whole.len() > 1 && whole.starts_with('0');
    if !digits(whole) || leading_zero || !fraction_len.contains(&fraction.len()) {
        return None;
    }
    let padded = format!("{fraction:0<width$}", width = *fraction_len.end());
    let value = whole.parse::<i128>().ok()? * scale + padded.parse::<i128>().ok()?;
    (!negative || value != 0).then_some(if negative { -value } else { value })
}

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
    // ---- money ----

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
                prop_assert_eq!((state.label(), state.sum()), ("К оплате", Some(sum.as_str())));
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

    // ---- readings ----

    #[test]
    fn readings_format_and_read_back_over_the_whole_range(thousandths in any::<i64>()) {
        let shown = format_reading(thousandths);
        prop_assert_eq!(read_signed(&shown, ',', 0..=3), Some(i128::from(thousandths)), "{:?}", shown);
        prop_assert!(!shown.ends_with('0') || !shown.contains(','), "trailing zero: {:?}", shown);
        let api = to_api(thousandths);
        prop_assert_eq!(read_signed(&api, '.', 3..=3), Some(i128::from(thousandths)), "{:?}", api);
    }

    #[test]
    fn readings_of_a_meter_round_trip(thousandths in 0..1_000_000_000_000_000_i64) {
        prop_assert_eq!(parse_reading(&to_api(thousandths)), Ok(thousandths));
        prop_assert_eq!(parse_reading(&format_reading(thousandths)), Ok(thousandths));
        prop_assert_eq!(display(&to_api(thousandths)), format_reading(thousandths));
    }

    #[test]
    fn whole_readings_are_taken_up_to_twelve_digits(n in any::<i64>()) {
        let parsed = parse_reading(&n.to_string());
        if (0..1_000_000_000_000).contains(&n) {
            prop_assert_eq!(parsed, Ok(n * 1000));
        } else {
            prop_assert!(parsed.is_err());
        }
    }

    #[test]
    fn any_reading_parse_reading_takes_reads_back(input in text()) {
        if let Ok(thousandths) = parse_reading(&input) {
            prop_assert!((0..1_000_000_000_000_000).contains(&thousandths), "{:?}", input);
            prop_assert_eq!(parse_reading(&to_api(thousandths)), Ok(thousandths));
        }
        let shown = display(&input);
        match parse_reading(&input) {
            Ok(thousandths) => prop_assert_eq!(shown, format_reading(thousandths)),
            Err(_) => prop_assert_eq!(shown, input),
        }
    }

    #[test]
    fn a_reading_below_the_previous_is_refused(
        value in any::<i64>(),
        previous in prop_oneof![
            (0..1_000_000_000_000_000_i64).prop_map(|p| Some(to_api(p))),
            text().prop_map(Some),
            Just(None),
        ],
    ) {
        let verdict = not_below(value, previous.as_deref());
        match previous.as_deref().map(parse_reading) {
            Some(Ok(p)) if value < p => prop_assert_eq!(
                verdict,
                Err(format!("Показания не могут быть меньше предыдущих ({}).", format_reading(p)))
            ),
            _ => prop_assert_eq!(verdict, Ok(())),
        }
    }

    #[test]
    fn the_readings_window_names_its_days(from_day in any::<u8>(), to_day in any::<u8>()) {
        let text = reading_days(from_day, to_day);
        if from_day <= 1 && to_day >= 31 {
            prop_assert_eq!(text, "Показания по этому лицевому счету принимаются в любой день месяца.");
        } else {
            prop_assert_eq!(text, format!("Показания по этому лицевому счету принимаются с {from_day} по {to_day} число месяца."));
        }
    }

    // ---- dates ----

    #[test]
    fn iso_dates_read_day_month_year(y in 0..10_000_u32, m in 0..100_u32, d in 0..100_u32, rest in prop_oneof![Just(String::new()), "T.*"]) {
        prop_assert_eq!(format_date(&format!("{y:04}-{m:02}-{d:02}{rest}")), format!("{d:02}.{m:02}.{y:04}"));
    }

    #[test]
    fn other_dates_pass_through(input in text()) {
        let out = format_date(&input);
        if out != input {
            prop_assert!(out.is_ascii() && out.len() == 10, "{:?}", out);
            let (d, m, y) = (&out[..2], &out[3..5], &out[6..]);
            prop_assert!(digits(d) && digits(m) && digits(y) && &out[2..3] == "." && &out[5..6] == ".", "{:?}", out);
            prop_assert!(input.starts_with(&format!("{y}-{m}-{d}")), "{:?} → {:?}", input, out);
        }
    }

    #[test]
    fn date_times_read_day_month_year_and_time(
        y in 0..10_000_i64, m in 1..=12_i64, d in 1..=28_i64, h in 0..24_i64, min in 0..60_i64,
        rest in prop_oneof![Just(String::new()), ":[0-9]{2}(Z|\\.[0-9]{1,3}Z|\\+03:00)?"],
    ) {
        let iso = format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}{rest}");
        prop_assert_eq!(format_date_time(&iso, 0), format!("{d:02}.{m:02}.{y:04}, {h:02}:{min:02}"));
    }

    /// The local time is the UTC one moved by the zone's offset: the same,
    /// the next or the previous day, counted here day by day.
    #[test]
    fn a_time_zone_moves_the_clock_by_its_offset(
        y in 1..9_999_i64, m in 1..=12_i64, d in 1..=31_i64, h in 0..24_i64, min in 0..60_i64,
        offset in -840..=840_i64,
    ) {
        let d = d.min(month_days(y, m));
        let out = format_date_time(&format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:00Z"), offset);
        let field = |range: std::ops::Range<usize>| out[range].parse::<i64>().unwrap();
        let (ld, lm, ly, lh, lmin) = (field(0..2), field(3..5), field(6..10), field(12..14), field(15..17));
        let day_shift = if (ly, lm, ld) == (y, m, d) {
            0
        } else if (ly, lm, ld) == next_day(y, m, d) {
            1
        } else {
            prop_assert_eq!(next_day(ly, lm, ld), (y, m, d), "{}", out);
            -1
        };
        prop_assert_eq!(day_shift * 1440 + (lh * 60 + lmin) - (h * 60 + min), -offset, "{}", out);
    }

    #[test]
    fn any_date_time_text_is_read_or_left_to_the_date(input in text(), offset in any::<i64>()) {
        let out = format_date_time(&input, offset);
        if out != format_date(&input) {
            let b = out.as_bytes();
            prop_assert!(b.len() == 17 && &out[10..12] == ", " && b[14] == b':', "{:?}", out);
        }
    }

    #[test]
    fn the_number_sign_is_never_left_alone(number in text()) {
        prop_assert_eq!(numbered(&number), format!("№{NBSP}{number}"));
    }

    // ---- e-mail, password, account number ----

    #[test]
    fn usual_addresses_are_taken(
        address in "[a-zA-Z0-9._%+-]{1,16}@[a-z0-9-]{1,10}(\\.[a-z0-9-]{1,10}){1,3}",
        pad in "[ \t]{0,2}",
    ) {
        prop_assert_eq!(email(&format!("{pad}{address}{pad}")), Ok(()));
    }

    #[test]
    fn any_address_email_takes_has_one_at_and_a_dotted_domain(input in text()) {
        if email(&input).is_ok() {
            let value = input.trim();
            let (user, domain) = value.split_once('@').expect("an @");
            prop_assert!(!user.is_empty() && !domain.contains('@') && !value.contains(char::is_whitespace));
            prop_assert!(domain.split('.').count() >= 2 && domain.split('.').all(|l| !l.is_empty()), "{:?}", input);
        } else if !input.contains('@') && !input.trim().is_empty() {
            prop_assert_eq!(email(&input), Err("Введите e-mail в формате name@example.ru."));
        }
    }

    #[test]
    fn passwords_are_5_to_10_latin_letters_and_digits(input in prop_oneof![text(), "[a-zA-Z0-9]{0,12}"]) {
        let shape = (MIN_LEN..=MAX_LEN).contains(&input.chars().count())
            && input.chars().all(|c| c.is_ascii_alphanumeric());
        prop_assert_eq!(password(&input).is_ok(), shape, "{:?}", input);
    }

    #[test]
    fn the_repeat_must_equal_the_password(first in text(), second in text(), same in any::<bool>()) {
        let second = if same { first.clone() } else { second };
        let verdict = repeated(&first, &second);
        prop_assert_eq!(verdict.is_ok(), !second.is_empty() && first == second);
    }

    #[test]
    fn account_numbers_are_digits_up_to_any_maximum(
        number in "[0-9]{1,30}",
        max_digits in prop_oneof![any::<usize>(), 0..32_usize],
    ) {
        let verdict = account_number(&number, max_digits);
        if number.len() <= max_digits {
            prop_assert_eq!(verdict, Ok(()));
        } else {
            prop_assert_eq!(verdict, Err(digits_rule(max_digits)));
        }
        let named = format!(" {max_digits} ");
        prop_assert!(digits_rule(max_digits).contains(&named), "{}", named);
    }

    #[test]
    fn any_number_account_number_takes_is_digits(input in text(), max_digits in any::<usize>()) {
        if account_number(&input, max_digits).is_ok() {
            prop_assert!(digits(input.trim()) && input.trim().len() <= max_digits, "{:?}", input);
        }
    }

    #[test]
    fn spaces_copied_from_a_receipt_are_taken_out(number in "[0-9]{1,12}", cuts in prop::collection::vec((0..12_usize, "[ \t\u{a0}]{1,2}"), 0..4), input in text()) {
        // From the last cut to the first, so that each position is still a
        // position in the plain number.
        let mut cuts = cuts;
        cuts.sort_by_key(|cut| std::cmp::Reverse(cut.0));
        let mut spaced = number.clone();
        for (at, space) in &cuts {
            spaced.insert_str((*at).min(number.len()), space);
        }
        let expected = (spaced != number).then(|| number.clone());
        prop_assert_eq!(without_spaces(&spaced), expected);
        match without_spaces(&input) {
            Some(plain) => prop_assert_eq!(plain, input.chars().filter(|c| !c.is_whitespace()).collect::<String>()),
            None => prop_assert!(!input.contains(char::is_whitespace)),
        }
    }

    #[test]
    fn a_supplier_is_chosen_when_an_id_is_given(id in text()) {
        prop_assert_eq!(supplier_chosen(&id).is_ok(), !id.is_empty());
    }
}

// ---- return path ----

/// Paths made of what may fool a path check: dot segments, escapes,
/// backslashes, tabs, schemes, hosts.
fn tricky_path() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("/"),
        Just("//"),
        Just("."),
        Just(".."),
        Just("%2E"),
        Just("%2e"),
        Just("%2F"),
        Just("\\"),
        Just("\t"),
        Just("\n"),
        Just(":"),
        Just("@"),
        Just("?"),
        Just("#"),
        Just("https:"),
        Just("javascript:"),
        Just("evil.example"),
        Just("accounts"),
        Just("settings"),
        Just("login"),
        Just("7"),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
}

/// A page of the app with generated ids and an optional query.
fn app_page() -> impl Strategy<Value = String> {
    (
        prop::sample::select(ROUTES),
        "[A-Za-z0-9_~-]{1,17}",
        prop::option::of("[A-Za-z0-9=&%._~-]{0,12}"),
    )
        .prop_map(|(route, id, query)| {
            let path = route.replace(":id", &id);
            query.map_or(path.clone(), |q| format!("{path}?{q}"))
        })
}

proptest! {
    #[test]
    fn nothing_accepted_leaves_the_app(input in prop_oneof![text(), tricky_path(), app_page()]) {
        if let Some(path) = local_route(&input) {
            prop_assert_eq!(path, input.as_str());
            prop_assert!(path.starts_with('/') && !path.starts_with("//"), "{:?}", path);
            prop_assert!(!path.contains('\\') && !path.chars().any(char::is_control), "{:?}", path);
            // No scheme: nothing stands before the first `/`.
            prop_assert_eq!(path.split('/').next(), Some(""));
            let pathname = path.split('?').next().unwrap_or_default();
            prop_assert!(is_app_route(pathname) && pathname != "/login", "{:?}", path);
        }
        if is_plain_path(&input) {
            prop_assert!(input.starts_with('/') && !input.starts_with("//"), "{:?}", input);
            prop_assert!(!input.contains('\\') && !input.bytes().any(|b| b < b' ' || b == 0x7f), "{:?}", input);
        }
    }

    #[test]
    fn every_page_of_the_app_is_a_way_back_but_login(page in app_page()) {
        let pathname = page.split('?').next().unwrap_or_default();
        prop_assert!(is_app_route(pathname), "{:?}", pathname);
        let expected = (pathname != "/login").then_some(page.as_str());
        prop_assert_eq!(local_route(&page), expected);
    }

    #[test]
    fn a_page_bent_out_of_shape_is_refused(page in app_page(), bend in 0..5_u8) {
        let pathname = page.split('?').next().unwrap_or_default();
        let bent = match bend {
            0 => format!("/{pathname}"),
            1 => format!("{pathname}/"),
            2 => format!("{pathname}/."),
            3 => format!("{pathname}/.."),
            _ => format!("\\{pathname}"),
        };
        prop_assert!(!is_app_route(&bent), "{:?}", bent);
        prop_assert_eq!(local_route(&bent), None);
    }

    // ---- payment page ----

    #[test]
    fn https_pages_are_followed(
        scheme in Just("https"),
        host in "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?){0,3}",
        port in prop::option::of(any::<u16>()),
        rest in "(/[A-Za-z0-9._~%-]{0,8}){0,4}(\\?[A-Za-z0-9=&]{0,10})?",
    ) {
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let url = format!("{scheme}://{host}{port}{rest}");
        prop_assert_eq!(payment_page_url(&url), Ok(url.as_str()));
    }

    #[test]
    fn plain_http_is_followed_on_loopback_only(
        host in prop_oneof![
            prop::sample::select(&["127.0.0.1", "localhost", "[::1]"][..]).prop_map(str::to_owned),
            "[a-z0-9.-]{1,20}",
        ],
        port in prop::option::of(any::<u16>()),
        rest in "(/[A-Za-z0-9._~%-]{0,8}){0,4}",
    ) {
        let loopback = ["127.0.0.1", "localhost", "[::1]"].contains(&host.as_str());
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let url = format!("http://{host}{port}{rest}");
        let expected = if loopback { Ok(url.as_str()) } else { Err(UNUSABLE) };
        prop_assert_eq!(payment_page_url(&url), expected);
    }

    #[test]
    fn scripts_and_other_schemes_are_never_followed(
        scheme in prop_oneof![Just("javascript:"), Just("JavaScript:"), Just("data:"), Just("vbscript:"), Just("blob:"), Just("file:"), Just("ftp:"), Just("")],
        rest in prop_oneof![text(), tricky_path()],
    ) {
        // No scheme before text that itself begins with an accepted one
        // (`https://.`) is that scheme, not another.
        prop_assume!(!(scheme.is_empty() && (rest.starts_with("https://") || rest.starts_with("http://"))));
        let url = format!("{scheme}{rest}");
        prop_assert_eq!(payment_page_url(&url), Err(UNUSABLE));
    }

    #[test]
    fn any_address_followed_is_https_or_loopback_http(input in prop_oneof![text(), tricky_path(), "(https?|HTTPS?)://[a-z0-9.:@\\[\\]%\\\\/ -]{0,20}"]) {
        match payment_page_url(&input) {
            Ok(url) => {
                prop_assert_eq!(url, input.as_str());
                prop_assert!(url.bytes().all(|b| b.is_ascii_graphic() && b != b'\\'), "{:?}", url);
                let (scheme, rest) = url.split_once("://").expect("a scheme");
                let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
                if scheme != "https" {
                    prop_assert_eq!(scheme, "http", "{:?}", url);
                    let host = authority.rsplit_once(':').filter(|(_, port)| !port.contains(']')).map_or(authority, |(host, _)| host);
                    prop_assert!(["127.0.0.1", "localhost", "[::1]"].contains(&host), "{:?}", url);
                    // Nothing after the host but a port: no `@` sends it elsewhere.
                    let port = &authority[host.len()..];
                    prop_assert!(port.is_empty() || port.starts_with(':') && port[1..].bytes().all(|b| b.is_ascii_digit()), "{:?}", url);
                }
            }
            Err(message) => prop_assert_eq!(message, UNUSABLE),
        }
    }
}
