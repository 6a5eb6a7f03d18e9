//! JSON in and out of the client. In the browser the text work is the
//! browser's own (`JSON.parse`, `JSON.stringify`) and serde-wasm-bindgen maps
//! the JS values onto the contract's types, so the wasm carries no JSON
//! parser, printer or float formatting of its own (serde_json cost every
//! first visit 11 KB brotli). Natively, for the unit tests, serde_json does
//! the same work.

use serde::{Serialize, de::DeserializeOwned};

/// The value `text` holds, `None` when it is not JSON of that shape. In the
/// browser numbers are doubles: an integer beyond ±(2^53 − 1) is not read
/// (no amount in kopecks comes near it); `tests/web/json.rs` pins this.
#[cfg(target_arch = "wasm32")]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// Compact JSON of `value`: objects for structs and maps, `null` for `None`.
#[cfg(target_arch = "wasm32")]
pub fn to_string(value: &impl Serialize) -> String {
    let value = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("the client sends plain structs");
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string())
        .expect("a plain value is JSON")
}

#[cfg(not(target_arch = "wasm32"))]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn to_string(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("the client sends plain structs")
}
