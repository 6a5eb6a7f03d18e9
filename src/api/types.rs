//! The shapes of the contract (`reference-api/openapi.yaml`) that the app
//! reads. Only the fields a screen uses: serde skips the rest, so the API can
//! grow without breaking the app. Tests serialise them back (`Serialize` in
//! tests only) to check that decoding loses nothing.

use serde::Deserialize;

/// The signed-in subscriber.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct User {
    pub email: String,
    pub email_masked: String,
    pub confirmed: bool,
    /// `YYYY-MM-DD`: until when an unconfirmed cabinet waits for confirmation.
    pub confirm_until: Option<String>,
}

/// A proof-of-work challenge (ALTCHA v1).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Challenge {
    pub algorithm: String,
    pub challenge: String,
    pub salt: String,
    pub signature: String,
    pub maxnumber: u64,
}

/// The answer to a registration.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Registration {
    pub email: String,
    pub confirm_until: String,
}

/// The answer to a confirmation.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Confirmed {
    pub email: String,
}

/// The answer to «Выслать ссылку».
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Resent {
    pub confirm_until: String,
}

/// A supplier, the rule of its account numbers and the datum of the receipt
/// it asks to prove that an account is the subscriber's.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Supplier {
    pub id: String,
    pub name: String,
    pub account_rule: AccountRule,
    pub link_proof: LinkProof,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct AccountRule {
    pub max_digits: usize,
    /// Where the number is on this supplier's receipt, for the «?» hint.
    pub hint: String,
    pub example: Option<String>,
}

/// The second datum of the receipt a supplier asks when an account is linked.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct LinkProof {
    pub kind: ProofKind,
    /// The field's label, without the colon.
    pub label: String,
    /// Where the datum is on this supplier's receipt, for the «?» hint.
    pub hint: String,
    /// As printed on a receipt (`СГ-100001`, `1 050,00`).
    pub example: String,
}

/// Which datum: it sets the field's rule, its keyboard and the app's own
/// picture of the receipt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum ProofKind {
    MeterSerial,
    LastBillAmount,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct SupplierRef {
    pub id: String,
    pub name: String,
}

/// An account linked to the cabinet (`AccountSummary`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct AccountSummary {
    pub id: String,
    pub supplier: SupplierRef,
    pub number: String,
    pub address: String,
    /// > 0 a debt, < 0 an overpayment.
    pub balance_kop: i64,
    pub readings_window: ReadingsWindow,
}

/// The days of the month when the supplier takes readings.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ReadingsWindow {
    pub open: bool,
    pub from_day: u8,
    pub to_day: u8,
}

/// One account in full (`Account`): the summary's fields and these.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "AccountWire")]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Account {
    #[cfg_attr(test, serde(flatten))]
    pub summary: AccountSummary,
    pub holder_masked: String,
    pub tariffs: Vec<Tariff>,
    pub meters: Vec<Meter>,
}

/// [`Account`] as the API sends it, every field at the top. Read through
/// this flat struct, not `#[serde(flatten)]`, which buffers the object in
/// serde's generic `Content` first: that machinery costs the wasm kilobytes.
#[derive(Deserialize)]
struct AccountWire {
    id: String,
    supplier: SupplierRef,
    number: String,
    address: String,
    balance_kop: i64,
    readings_window: ReadingsWindow,
    holder_masked: String,
    #[serde(default)]
    tariffs: Vec<Tariff>,
    #[serde(default)]
    meters: Vec<Meter>,
}

impl From<AccountWire> for Account {
    fn from(wire: AccountWire) -> Self {
        Self {
            summary: AccountSummary {
                id: wire.id,
                supplier: wire.supplier,
                number: wire.number,
                address: wire.address,
                balance_kop: wire.balance_kop,
                readings_window: wire.readings_window,
            },
            holder_masked: wire.holder_masked,
            tariffs: wire.tariffs,
            meters: wire.meters,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Tariff {
    pub service: String,
    pub name: String,
    pub price_kop: i64,
    pub unit: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Meter {
    pub id: String,
    pub serial: String,
    pub service: String,
    pub unit: String,
    pub last_reading: Option<Reading>,
    pub verification_due: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Reading {
    /// A decimal with up to 3 decimals, as a string: "12345.678".
    pub value: String,
    pub date: String,
}

/// A payment made from the cabinet.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Payment {
    pub id: String,
    pub account_id: String,
    pub amount_kop: i64,
    pub status: PaymentStatus,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The payment page of the gateway, while the payment is pending.
    pub confirmation_url: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Pending,
    Succeeded,
    Canceled,
}

/// Decoding what the API sends: every type above from values of the
/// contract's shape over the whole ranges of its numbers, from values with
/// one field of the wrong type, from arbitrary JSON values and from arbitrary
/// text. Nothing panics; what decodes serialises back to what was sent.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;
    use serde::{Serialize, de::DeserializeOwned};
    use serde_json::{Map, Value, json};

    use super::*;

    /// The shape of a field as the contract gives it.
    #[derive(Clone, Copy, Debug)]
    enum Shape {
        Str,
        Bool,
        I64,
        U64,
        U8,
        Usize,
        Opt(&'static Shape),
        List(&'static Shape),
        Obj(&'static [(&'static str, Shape)]),
        OneOf(&'static [&'static str]),
    }
    use Shape::*;

    const SUPPLIER_REF: Shape = Obj(&[("id", Str), ("name", Str)]);
    const WINDOW: Shape = Obj(&[("open", Bool), ("from_day", U8), ("to_day", U8)]);
    const READING: Shape = Obj(&[("value", Str), ("date", Str)]);
    const RULE: Shape = Obj(&[("max_digits", Usize), ("hint", Str), ("example", Opt(&Str))]);
    const PROOF_KIND: Shape = OneOf(&["meter_serial", "last_bill_amount"]);
    const PROOF: Shape = Obj(&[
        ("kind", PROOF_KIND),
        ("label", Str),
        ("hint", Str),
        ("example", Str),
    ]);
    const SUMMARY_FIELDS: [(&str, Shape); 6] = [
        ("id", Str),
        ("supplier", SUPPLIER_REF),
        ("number", Str),
        ("address", Str),
        ("balance_kop", I64),
        ("readings_window", WINDOW),
    ];
    const TARIFF: Shape = Obj(&[
        ("service", Str),
        ("name", Str),
        ("price_kop", I64),
        ("unit", Str),
    ]);
    const METER: Shape = Obj(&[
        ("id", Str),
        ("serial", Str),
        ("service", Str),
        ("unit", Str),
        ("last_reading", Opt(&READING)),
        ("verification_due", Opt(&Str)),
    ]);
    const STATUS: Shape = OneOf(&["pending", "succeeded", "canceled"]);
    const PAYMENT: Shape = Obj(&[
        ("id", Str),
        ("account_id", Str),
        ("amount_kop", I64),
        ("status", STATUS),
        ("created_at", Str),
        ("confirmation_url", Opt(&Str)),
    ]);
    const SUMMARY: Shape = Obj(&SUMMARY_FIELDS);
    const ACCOUNT: Shape = Obj(&[
        SUMMARY_FIELDS[0],
        SUMMARY_FIELDS[1],
        SUMMARY_FIELDS[2],
        SUMMARY_FIELDS[3],
        SUMMARY_FIELDS[4],
        SUMMARY_FIELDS[5],
        ("holder_masked", Str),
        ("tariffs", List(&TARIFF)),
        ("meters", List(&METER)),
    ]);

    /// Decodes `value` as `T` and serialises it back.
    type Decode = fn(&Value) -> Result<Value, serde_json::Error>;
    type DecodeText = fn(&str) -> Result<Value, serde_json::Error>;

    fn decode<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, serde_json::Error> {
        T::deserialize(value).map(|t| serde_json::to_value(t).expect("serialisable"))
    }

    fn decode_text<T: DeserializeOwned + Serialize>(
        text: &str,
    ) -> Result<Value, serde_json::Error> {
        serde_json::from_str::<T>(text).map(|t| serde_json::to_value(t).expect("serialisable"))
    }

    /// `(name, shape, decode, decode_text)` of a type.
    macro_rules! the_type {
        ($t:ty, $shape:expr) => {
            (
                stringify!($t),
                $shape,
                decode::<$t> as Decode,
                decode_text::<$t> as DecodeText,
            )
        };
    }

    /// Every type the app decodes, with its shape, and the lists the API sends.
    const TYPES: &[(&str, &Shape, Decode, DecodeText)] = &[
        the_type!(
            User,
            &Obj(&[
                ("email", Str),
                ("email_masked", Str),
                ("confirmed", Bool),
                ("confirm_until", Opt(&Str))
            ])
        ),
        the_type!(
            Challenge,
            &Obj(&[
                ("algorithm", Str),
                ("challenge", Str),
                ("salt", Str),
                ("signature", Str),
                ("maxnumber", U64)
            ])
        ),
        the_type!(
            Registration,
            &Obj(&[("email", Str), ("confirm_until", Str)])
        ),
        the_type!(Confirmed, &Obj(&[("email", Str)])),
        the_type!(Resent, &Obj(&[("confirm_until", Str)])),
        the_type!(
            Supplier,
            &Obj(&[
                ("id", Str),
                ("name", Str),
                ("account_rule", RULE),
                ("link_proof", PROOF)
            ])
        ),
        the_type!(AccountRule, &RULE),
        the_type!(LinkProof, &PROOF),
        the_type!(ProofKind, &PROOF_KIND),
        the_type!(SupplierRef, &SUPPLIER_REF),
        the_type!(AccountSummary, &SUMMARY),
        the_type!(Vec<AccountSummary>, &List(&SUMMARY)),
        the_type!(ReadingsWindow, &WINDOW),
        the_type!(Account, &ACCOUNT),
        the_type!(Tariff, &TARIFF),
        the_type!(Meter, &METER),
        the_type!(Reading, &READING),
        the_type!(Vec<Reading>, &List(&READING)),
        the_type!(Payment, &PAYMENT),
        the_type!(Vec<Payment>, &List(&PAYMENT)),
        the_type!(PaymentStatus, &STATUS),
    ];

    fn text() -> impl Strategy<Value = String> + Clone {
        prop_oneof![".*", any::<String>()]
    }

    fn number() -> BoxedStrategy<Value> {
        prop_oneof![
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            Just(json!(i64::MIN)),
            Just(json!(u64::MAX)),
        ]
        .boxed()
    }

    /// Any JSON value, with keys of the contract among the arbitrary ones.
    fn any_json() -> BoxedStrategy<Value> {
        let key = prop_oneof![
            prop::sample::select(&["id", "email", "balance_kop", "status", "meters", "value"][..])
                .prop_map(str::to_owned),
            text(),
        ];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            number(),
            text().prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::vec((key.clone(), inner), 0..6)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            ]
        })
        .boxed()
    }

    /// A value of `shape`, its numbers over their whole ranges.
    fn valid(shape: &'static Shape) -> BoxedStrategy<Value> {
        match shape {
            Str => text().prop_map(Value::from).boxed(),
            Bool => any::<bool>().prop_map(Value::from).boxed(),
            I64 => prop_oneof![any::<i64>(), Just(i64::MIN), Just(i64::MAX), Just(0)]
                .prop_map(Value::from)
                .boxed(),
            U64 => prop_oneof![any::<u64>(), Just(u64::MAX)]
                .prop_map(Value::from)
                .boxed(),
            U8 => any::<u8>().prop_map(Value::from).boxed(),
            Usize => any::<usize>().prop_map(Value::from).boxed(),
            Opt(inner) => prop_oneof![Just(Value::Null), valid(inner)].boxed(),
            List(item) => prop::collection::vec(valid(item), 0..3)
                .prop_map(Value::from)
                .boxed(),
            Obj(fields) => fields
                .iter()
                .map(|(name, shape)| valid(shape).prop_map(move |v| ((*name).to_owned(), v)))
                .collect::<Vec<_>>()
                .prop_map(|fields| Value::Object(fields.into_iter().collect()))
                .boxed(),
            OneOf(names) => prop::sample::select(*names).prop_map(Value::from).boxed(),
        }
    }

    /// A value that `shape` does not take: another type, a number out of
    /// range or with a fraction, a name outside the enumeration.
    fn invalid(shape: &'static Shape) -> BoxedStrategy<Value> {
        let not_a_number = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            text().prop_map(Value::from),
            Just(json!([])),
            Just(json!({})),
        ];
        let fraction = (-1e15..1e15_f64)
            .prop_filter("a fraction", |f| f.fract() != 0.0)
            .prop_map(Value::from);
        match shape {
            Str | OneOf(_) | Obj(_) | List(_) => {
                let other = prop_oneof![
                    Just(Value::Null),
                    any::<bool>().prop_map(Value::from),
                    number()
                ];
                match shape {
                    Str => other.boxed(),
                    OneOf(names) => prop_oneof![
                        other,
                        text()
                            .prop_filter("not a name", |t| !names.contains(&t.as_str()))
                            .prop_map(Value::from),
                    ]
                    .boxed(),
                    Obj(_) => {
                        prop_oneof![other, text().prop_map(Value::from), Just(json!([]))].boxed()
                    }
                    _ => prop_oneof![other, text().prop_map(Value::from), Just(json!({}))].boxed(),
                }
            }
            Bool => prop_oneof![Just(Value::Null), number(), text().prop_map(Value::from)].boxed(),
            I64 => prop_oneof![
                not_a_number,
                fraction,
                ((i64::MAX as u64 + 1)..=u64::MAX).prop_map(Value::from)
            ]
            .boxed(),
            U64 | Usize => {
                prop_oneof![not_a_number, fraction, (i64::MIN..0).prop_map(Value::from)].boxed()
            }
            U8 => prop_oneof![
                not_a_number,
                fraction,
                (i64::MIN..0).prop_map(Value::from),
                (256..=u64::MAX).prop_map(Value::from),
            ]
            .boxed(),
            Opt(inner) => invalid(inner)
                .prop_filter("not null", |v| !v.is_null())
                .boxed(),
        }
    }

    /// A value of the shape of `TYPES[i]` with one field (if it has fields)
    /// replaced by any JSON value.
    fn one_field_arbitrary(i: usize) -> BoxedStrategy<Value> {
        (valid(TYPES[i].1), any::<prop::sample::Index>(), any_json())
            .prop_map(move |(mut value, pick, arbitrary)| {
                if let Obj(fields) = TYPES[i].1 {
                    value[fields[pick.index(fields.len())].0] = arbitrary;
                }
                value
            })
            .boxed()
    }

    /// A type of `TYPES` (its index) and a value of its shape.
    fn typed_value() -> impl Strategy<Value = (usize, Value)> {
        (0..TYPES.len()).prop_flat_map(|i| (Just(i), valid(TYPES[i].1)))
    }

    /// `decoded` (of `shape`) holds what was `sent`, field by field: a field
    /// left out was an optional one (`null`) or a list with a default (`[]`).
    /// serde also takes an array for a struct, its fields in order.
    fn sent_as_decoded(shape: &Shape, sent: &Value, decoded: &Value) -> bool {
        match (shape, sent) {
            (Obj(fields), Value::Object(sent)) => fields.iter().all(|(k, s)| match sent.get(*k) {
                Some(field) => sent_as_decoded(s, field, &decoded[*k]),
                None => decoded[*k].is_null() || decoded[*k] == json!([]),
            }),
            // Trailing fields with a default may be left out of the array.
            (Obj(fields), Value::Array(sent)) => {
                sent.len() <= fields.len()
                    && fields
                        .iter()
                        .enumerate()
                        .all(|(i, (k, s))| match sent.get(i) {
                            Some(field) => sent_as_decoded(s, field, &decoded[*k]),
                            None => decoded[*k] == json!([]),
                        })
            }
            (List(item), Value::Array(sent)) => decoded.as_array().is_some_and(|decoded| {
                sent.len() == decoded.len()
                    && sent
                        .iter()
                        .zip(decoded)
                        .all(|(s, d)| sent_as_decoded(item, s, d))
            }),
            (Opt(inner), sent) if !sent.is_null() => sent_as_decoded(inner, sent, decoded),
            _ => sent == decoded,
        }
    }

    proptest! {
        #[test]
        fn values_of_the_contract_decode_and_serialise_back((i, value) in typed_value()) {
            let (name, _, decode, decode_text) = TYPES[i];
            let decoded = decode(&value);
            prop_assert_eq!(decoded.as_ref().ok(), Some(&value), "{}: {:?}", name, decoded);
            let text = value.to_string();
            prop_assert_eq!(decode_text(&text).ok(), Some(value), "{}", name);
        }

        /// The API may add fields: they change nothing.
        #[test]
        fn unknown_fields_are_skipped((i, value) in typed_value(), key in "[a-z_]{1,12}", extra in any_json()) {
            let (name, shape, decode, _) = TYPES[i];
            let Obj(fields) = shape else { return Ok(()) };
            prop_assume!(!fields.iter().any(|(known, _)| *known == key));
            let mut grown = value.clone();
            grown.as_object_mut().expect("an object").insert(key, extra);
            prop_assert_eq!(decode(&grown).ok(), Some(value), "{}", name);
        }

        /// A field of the wrong type, or a number out of its range, is an
        /// error (the app shows «unreadable answer»), never a wrapped number.
        #[test]
        fn a_field_of_the_wrong_type_is_an_error(
            (i, value, field, wrong) in typed_value().prop_flat_map(|(i, value)| {
                let fields = match TYPES[i].1 {
                    Obj(fields) => *fields,
                    _ => &[],
                };
                let field = if fields.is_empty() { Just(0).boxed() } else { (0..fields.len()).boxed() };
                (Just(i), Just(value), field).prop_flat_map(move |(i, value, field)| {
                    let wrong = match TYPES[i].1 {
                        Obj(fields) => invalid(&fields[field].1),
                        shape => invalid(shape),
                    };
                    (Just(i), Just(value), Just(field), wrong)
                })
            })
        ) {
            let (name, shape, decode, _) = TYPES[i];
            let broken = match shape {
                Obj(fields) => {
                    let mut broken = value;
                    broken[fields[field].0] = wrong.clone();
                    broken
                }
                _ => wrong.clone(),
            };
            prop_assert!(decode(&broken).is_err(), "{}: {} accepted", name, broken);
        }

        /// Optional fields and defaulted lists may be left out; others may not.
        #[test]
        fn only_optional_fields_may_be_left_out((i, value) in typed_value(), pick in any::<prop::sample::Index>()) {
            let (name, shape, decode, _) = TYPES[i];
            let Obj(fields) = shape else { return Ok(()) };
            let (field, field_shape) = &fields[pick.index(fields.len())];
            let mut short: Map<String, Value> = value.as_object().expect("an object").clone();
            short.remove(*field);
            let decoded = decode(&Value::Object(short));
            let defaulted = matches!(field_shape, Opt(_)) || matches!((name, *field), ("Account", "tariffs" | "meters"));
            if defaulted {
                let mut expected = value;
                expected[*field] = if matches!(field_shape, Opt(_)) { Value::Null } else { json!([]) };
                prop_assert_eq!(decoded.ok(), Some(expected), "{} without {}", name, field);
            } else {
                prop_assert!(decoded.is_err(), "{} without {}", name, field);
            }
        }

        #[test]
        fn arbitrary_json_decodes_to_what_was_sent_or_fails((i, value) in (0..TYPES.len()).prop_flat_map(|i| (Just(i), prop_oneof![any_json(), one_field_arbitrary(i)]))) {
            let (name, shape, decode, _) = TYPES[i];
            if let Ok(decoded) = decode(&value) {
                prop_assert!(sent_as_decoded(shape, &value, &decoded), "{}: {} → {}", name, value, decoded);
            }
        }

        #[test]
        fn arbitrary_text_decodes_only_as_json(i in 0..TYPES.len(), text in prop_oneof![text(), any_json().prop_map(|v| v.to_string())]) {
            let (name, shape, decode, decode_text) = TYPES[i];
            if let Ok(decoded) = decode_text(&text) {
                let value: Value = serde_json::from_str(&text).expect("JSON");
                prop_assert!(sent_as_decoded(shape, &value, &decoded), "{}: {}", name, text);
                prop_assert_eq!(decode(&value).ok(), Some(decoded));
            }
        }
    }

    /// The answer of the report: the lowest balance once panicked the
    /// account page («attempt to negate with overflow»).
    #[test]
    fn the_lowest_balance_decodes_and_reads_as_an_overpayment() {
        let summary: AccountSummary = serde_json::from_str(
            r#"{"id":"a1","supplier":{"id":"v","name":"В"},"number":"1","address":"А",
                "balance_kop":-9223372036854775808,
                "readings_window":{"open":true,"from_day":1,"to_day":31}}"#,
        )
        .expect("decodes");
        assert_eq!(summary.balance_kop, i64::MIN);
        assert_eq!(
            crate::rules::money::balance(summary.balance_kop)
                .text()
                .replace('\u{a0}', " "),
            "Переплата: 92 233 720 368 547 758,08 ₽"
        );
    }
}
