//! What `/suppliers` and `/accounts` answer: a supplier and its rules, an
//! account in brief and in full.

use serde::Deserialize;

use super::Reading;

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
    /// Without meters (billed by the norm) there are no readings to send.
    pub has_meters: bool,
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
    has_meters: bool,
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
                has_meters: wire.has_meters,
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
