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
    let key = random_key().unwrap_or_else(|| format!("{}-{body}", js_sys::Date::now()));
    if let Some(store) = store {
        let _ = store.set_item(&slot, &key);
    }
    key
}

/// A random version-4 UUID from `crypto.getRandomValues`, which every
/// browser of the floor has (`crypto.randomUUID` came later: Safari 15.4,
/// Firefox 95).
fn random_key() -> Option<String> {
    let mut bytes = [0u8; 16];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(uuid_v4(bytes))
}

/// `bytes` as a UUID of version 4, variant 1 (RFC 9562), in lower-case hex.
fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
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

#[cfg(test)]
mod tests {
    use super::uuid_v4;

    #[test]
    fn keys_are_version_4_uuids() {
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(
            uuid_v4(*b"\x01\x23\x45\x67\x89\xab\xcd\xef\x01\x23\x45\x67\x89\xab\xcd\xef"),
            "01234567-89ab-4def-8123-456789abcdef"
        );
    }
}
