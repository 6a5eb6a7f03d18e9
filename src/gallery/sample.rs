//! The gallery's sample data, in the API's wire shapes
//! (`reference-api/openapi.yaml`). Fixed: no clock, no randomness, so every
//! state looks the same on every run and screenshots compare exactly.
//! The gallery's «today» is 16.03.2026.

use serde_json::{Value, json};

use crate::api::stub::Canned;

/// The sample subscriber; unconfirmed, they have a week left to confirm.
pub fn user(confirmed: bool) -> Value {
    json!({
        "email": "abonent@example.ru",
        "email_masked": "a***@example.ru",
        "confirmed": confirmed,
        "confirm_until": (!confirmed).then_some("2026-03-23"),
    })
}

/// The datum a meter-serial supplier asks to link an account.
fn meter_serial() -> Value {
    json!({
        "kind": "meter_serial",
        "label": "Заводской номер счетчика",
        "hint": "Заводской номер счетчика газа указан в квитанции в блоке «Приборы учёта», а также на корпусе счетчика. Введите его так, как он напечатан, с буквами и дефисом.",
        "example": "СГ-100001",
    })
}

/// The datum a last-bill supplier asks to link an account.
fn last_bill_amount() -> Value {
    json!({
        "kind": "last_bill_amount",
        "label": "Сумма последнего начисления по квитанции, ₽",
        "hint": "Сумма начисления за месяц указана в нижней части последней квитанции, в строке «Начислено за месяц». Введите её в рублях и копейках, без учёта долга и переплаты.",
        "example": "1 050,00",
    })
}

/// The nine suppliers of the subscriber guide, in its order.
pub fn suppliers() -> Value {
    let supplier = |id: &str, name: &str, region: &str, place: &str| {
        // As the reference API's seed: the first five ask for the meter.
        let proof = if ["kaluga", "krasnodar", "kemerovo", "kirov"].contains(&id) {
            last_bill_amount()
        } else {
            meter_serial()
        };
        json!({
            "id": id,
            "name": name,
            "account_rule": {
                "max_digits": 10,
                "hint": format!("Номер лицевого счета указан {place}. Он состоит из 10 цифр и начинается с {region}. Пробелы вводить не нужно."),
                "example": format!("{region}00001234"),
            },
            "link_proof": proof,
        })
    };
    json!([
        supplier(
            "voronezh",
            "Межрегионгаз Воронеж",
            "36",
            "в верхнем правом углу квитанции, в строке «Лицевой счет»"
        ),
        supplier(
            "zhigulevsk",
            "Межрегионгаз Жигулевск",
            "63",
            "в верхней части квитанции, под названием организации, после слов «Лиц. счет №»"
        ),
        supplier(
            "ivanovo",
            "Межрегионгаз Иваново",
            "37",
            "в блоке «Плательщик» слева вверху квитанции, в строке «Лицевой счет»"
        ),
        supplier(
            "izhevsk",
            "Межрегионгаз Ижевск",
            "18",
            "в верхней части квитанции, справа от штрихкода, в строке «Номер л/с»"
        ),
        supplier(
            "yoshkar-ola",
            "Межрегионгаз Йошкар-Ола",
            "12",
            "в правой части квитанции, над штрихкодом, в строке «Номер лицевого счета»"
        ),
        supplier(
            "kaluga",
            "Межрегионгаз Калуга",
            "40",
            "в левой части квитанции, в блоке «Сведения о плательщике», в строке «Лицевой счет»"
        ),
        supplier(
            "krasnodar",
            "Межрегионгаз Краснодар",
            "23",
            "в верхней части квитанции рядом с Вашим адресом, в строке «Лицевой счет»"
        ),
        supplier(
            "kemerovo",
            "Межрегионгаз Кемерово",
            "42",
            "в нижней части квитанции, в отрывном корешке, в строке «Лицевой счет»"
        ),
        supplier(
            "kirov",
            "Межрегионгаз Киров",
            "43",
            "в верхней части квитанции, в строке «Номер лицевого счета» (крупным шрифтом)"
        ),
    ])
}

fn gas_tariff() -> Value {
    json!({
        "service": "Газоснабжение",
        "name": "Природный газ (плита и водонагреватель)",
        "price_kop": 782,
        "unit": "м³",
    })
}

fn meter(id: &str, serial: &str, last: Option<(&str, &str)>, due: &str) -> Value {
    json!({
        "id": id,
        "serial": serial,
        "service": "Газоснабжение",
        "unit": "м³",
        "last_reading": last.map(|(value, date)| json!({ "value": value, "date": date })),
        "verification_due": due,
    })
}

/// An account in full (`Account`); lists of summaries take it as it is, the
/// app reads the fields it needs.
fn account(
    id: &str,
    (supplier_id, supplier): (&str, &str),
    number: &str,
    address: &str,
    balance_kop: i64,
    holder: &str,
    meters: Vec<Value>,
) -> Value {
    json!({
        "id": id,
        "supplier": { "id": supplier_id, "name": supplier },
        "number": number,
        "address": address,
        "balance_kop": balance_kop,
        "readings_window": { "open": true, "from_day": 15, "to_day": 25 },
        "has_meters": !meters.is_empty(),
        "holder_masked": holder,
        "tariffs": [gas_tariff()],
        "meters": meters,
    })
}

/// A debt of 1 234,56 ₽, one meter.
pub fn in_debt() -> Value {
    account(
        "a1",
        ("voronezh", "Межрегионгаз Воронеж"),
        "3600000001",
        "г. Воронеж, ул. Ленина, д. 1, кв. 1",
        123_456,
        "Иванов И.***",
        vec![meter(
            "1",
            "СГ-100001",
            Some(("12345.678", "2026-02-20")),
            "2030-06-01",
        )],
    )
}

/// An overpayment of 100,00 ₽, two meters, one never read.
pub fn overpaid() -> Value {
    account(
        "a2",
        ("kirov", "Межрегионгаз Киров"),
        "4300000002",
        "г. Киров, ул. Московская, д. 5, кв. 17",
        -10_000,
        "Петрова А.***",
        vec![
            meter(
                "2",
                "СГ-200001",
                Some(("845.2", "2026-02-24")),
                "2028-09-15",
            ),
            meter("3", "СГ-200002", None, "2034-01-10"),
        ],
    )
}

/// Nothing owed, no meters (billed by the norm), no tariffs known.
pub fn settled() -> Value {
    let mut account = account(
        "a3",
        ("kaluga", "Межрегионгаз Калуга"),
        "4000000003",
        "Калужская обл., г. Обнинск, пр. Ленина, д. 20, кв. 4",
        0,
        "Сидоров П.***",
        Vec::new(),
    );
    account["tariffs"] = json!([]);
    account
}

/// The readings window of `account` closed (open from the 15th to the 25th).
pub fn window_closed(mut account: Value) -> Value {
    account["readings_window"]["open"] = json!(false);
    account
}

pub fn payment(id: &str, amount_kop: i64, status: &str, created_at: &str) -> Value {
    json!({
        "id": id,
        "number": format!("2026-{:06}", 100 + id.trim_start_matches('p').parse::<u32>().unwrap_or(0)),
        "account_id": "a1",
        "amount_kop": amount_kop,
        "status": status,
        "created_at": created_at,
        "confirmation_url": (status == "pending").then(|| format!("https://pay.example.ru/checkout/{id}")),
    })
}

/// The payments of the debt account: one of each status, newest first.
pub fn history() -> Value {
    json!([
        payment("p3", 50_000, "pending", "2026-03-12T08:30:00Z"),
        payment("p2", 150_000, "succeeded", "2026-03-02T17:05:00Z"),
        payment("p1", 50_000, "canceled", "2026-02-12T10:15:00Z"),
    ])
}

/// A challenge solved at once (the number is 7): `hex(sha256(salt + "7"))`.
pub fn captcha() -> Canned {
    json(
        200,
        json!({
            "algorithm": "SHA-256",
            "challenge": "760a241cb7afbb4fb0c964c5bb30a5a8c47a5049af968aee957d5af748eb4f28",
            "salt": "gallery-sample-salt?expires=4102444800&",
            "signature": "gallery",
            "maxnumber": 1000,
        }),
    )
}

pub fn json(status: u16, value: Value) -> Canned {
    Canned::Answer {
        status,
        content_type: "application/json",
        retry_after: None,
        body: value.to_string(),
    }
}

/// 202/204: no body.
pub fn no_content(status: u16) -> Canned {
    Canned::Answer {
        status,
        content_type: "",
        retry_after: None,
        body: String::new(),
    }
}

/// An `application/problem+json` answer, `fields` naming the request's fields.
pub fn problem(status: u16, code: &str, detail: &str, fields: &[(&str, &str)]) -> Canned {
    let fields: serde_json::Map<String, Value> = fields
        .iter()
        .map(|(name, message)| ((*name).to_owned(), json!(message)))
        .collect();
    Canned::Answer {
        status,
        content_type: "application/problem+json",
        retry_after: None,
        body: json!({
            "type": "about:blank",
            "title": "Error",
            "status": status,
            "code": code,
            "detail": detail,
            "fields": fields,
        })
        .to_string(),
    }
}

/// 429 with `Retry-After: seconds`.
pub fn rate_limited(seconds: &'static str) -> Canned {
    too_many(seconds, "rate_limited", "Слишком много попыток.")
}

/// 429 `account_locked`: the account number had too many failed attempts.
pub fn account_locked(seconds: &'static str) -> Canned {
    too_many(
        seconds,
        "account_locked",
        "Слишком много неудачных попыток подключить этот лицевой счет. Повторите через 59 мин.",
    )
}

fn too_many(seconds: &'static str, code: &str, detail: &str) -> Canned {
    let mut answer = problem(429, code, detail, &[]);
    if let Canned::Answer { retry_after, .. } = &mut answer {
        *retry_after = Some(seconds);
    }
    answer
}

/// What a proxy says when the server behind it has crashed.
pub fn server_error() -> Canned {
    Canned::Answer {
        status: 500,
        content_type: "text/html",
        retry_after: None,
        body: "<h1>Internal Server Error</h1>".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::api::types::{ProofKind, Supplier};

    /// The suppliers decode as the API's would, each kind of datum asked by
    /// the suppliers that ask it in the reference API's seed.
    #[test]
    fn the_sample_suppliers_ask_their_datum() {
        let suppliers: Vec<Supplier> =
            serde_json::from_value(super::suppliers()).expect("the API's shape");
        let kind = |id: &str| {
            suppliers
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.link_proof.kind)
        };
        assert_eq!(suppliers.len(), 9);
        assert_eq!(kind("voronezh"), Some(ProofKind::MeterSerial));
        assert_eq!(kind("yoshkar-ola"), Some(ProofKind::MeterSerial));
        assert_eq!(kind("kaluga"), Some(ProofKind::LastBillAmount));
        assert_eq!(kind("kirov"), Some(ProofKind::LastBillAmount));
    }
}
