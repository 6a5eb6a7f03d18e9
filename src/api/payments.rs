//! `/accounts/{id}/payments` and `/payments/{id}`: paying online, a
//! payment's state, an account's payments; and the idempotency keys that
//! keep a payment from being made twice (in the tab's `sessionStorage`).

use serde::Serialize;

use super::readings::NewReading;
use super::types::Payment;
use super::{ApiError, account_path, get, json, post_once};

/// What a payment asks for; the same intent always goes with the same key.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PaymentIntent {
    pub amount_kop: i64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<NewReading>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub confirm_anomaly: bool,
    /// Where the gateway sends the subscriber back; `{id}` becomes the payment's id.
    pub return_url: String,
}

/// Starts a payment. The same intent goes with the same `Idempotency-Key`
/// (see [`idempotency_key`]), so a double click, a retry after a network
/// failure or a return by «Назад» gets the same payment, never a second one.
pub async fn pay(account_id: String, intent: PaymentIntent) -> Result<Payment, ApiError> {
    let key = idempotency_key(&account_id, &intent);
    post_once(&account_path(&account_id, "payments"), &intent, &key).await
}

pub async fn payment(id: String) -> Result<Payment, ApiError> {
    get(&format!("/payments/{}", js_sys::encode_uri_component(&id))).await
}

/// The payments made from this cabinet for an account, newest first.
pub async fn history(account_id: String) -> Result<Vec<Payment>, ApiError> {
    get(&account_path(&account_id, "payments")).await
}

/// The `Idempotency-Key` of this intent: the same account and the same
/// amount, readings and choice keep their key for the life of the browser
/// tab, so a double click, a retry after a failure or a return by «Назад»
/// never make a second payment; anything changed is a new payment.
fn idempotency_key(account_id: &str, intent: &PaymentIntent) -> String {
    let body = json::to_string(intent);
    let slot = format!("{KEYS}{account_id}/{body}");
    let store = session_storage();
    if let Some(key) = store
        .as_ref()
        .and_then(|s| s.get_item(&slot).ok().flatten())
    {
        return key;
    }
    let key = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{}-{body}", js_sys::Date::now()));
    if let Some(store) = store {
        let _ = store.set_item(&slot, &key);
    }
    key
}

/// Where the keys are kept: `pay/<account id>/<intent as JSON>`.
const KEYS: &str = "pay/";

/// After a cancelled payment the same choice must start a new one: the
/// account's keys are forgotten. (A succeeded payment keeps them, so a return
/// to the form by «Назад» finds that payment instead of paying again.)
pub fn forget_keys(account_id: &str) {
    let Some(store) = session_storage() else {
        return;
    };
    let prefix = format!("{KEYS}{account_id}/");
    let count = store.length().unwrap_or(0);
    let slots: Vec<String> = (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for slot in slots {
        let _ = store.remove_item(&slot);
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}
