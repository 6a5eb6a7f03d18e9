//! Decoding what the API sends: every type of `types/` from values of the
//! contract's shape (`shapes.rs`) over the whole ranges of its numbers, from
//! values with one field of the wrong type, from arbitrary JSON values and
//! from arbitrary text. Nothing panics; what decodes serialises back to what
//! was sent.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use super::AccountSummary;
use super::shapes::{Shape, Shape::*, TYPES};

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
                Obj(_) => prop_oneof![other, text().prop_map(Value::from), Just(json!([]))].boxed(),
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
            "readings_window":{"open":true,"from_day":1,"to_day":31},"has_meters":true}"#,
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
