//! The contract's shapes as data, for the decoding tests (`decoding.rs`):
//! each field's type as `openapi.yaml` gives it, and every type the app
//! decodes with its shape.

use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

use super::*;

/// The shape of a field as the contract gives it.
#[derive(Clone, Copy, Debug)]
pub(super) enum Shape {
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
pub(super) use Shape::*;

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
const SUMMARY_FIELDS: [(&str, Shape); 7] = [
    ("id", Str),
    ("supplier", SUPPLIER_REF),
    ("number", Str),
    ("address", Str),
    ("balance_kop", I64),
    ("readings_window", WINDOW),
    ("has_meters", Bool),
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
    ("number", Str),
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
    SUMMARY_FIELDS[6],
    ("holder_masked", Str),
    ("tariffs", List(&TARIFF)),
    ("meters", List(&METER)),
]);

/// Decodes `value` as `T` and serialises it back.
pub(super) type Decode = fn(&Value) -> Result<Value, serde_json::Error>;
pub(super) type DecodeText = fn(&str) -> Result<Value, serde_json::Error>;

fn decode<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, serde_json::Error> {
    T::deserialize(value).map(|t| serde_json::to_value(t).expect("serialisable"))
}

fn decode_text<T: DeserializeOwned + Serialize>(text: &str) -> Result<Value, serde_json::Error> {
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
pub(super) const TYPES: &[(&str, &Shape, Decode, DecodeText)] = &[
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
