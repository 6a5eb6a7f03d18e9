//! Suppliers and the accounts linked to the cabinet.

use gloo_net::http::Method;
use serde::Serialize;

use super::types::{Account, AccountSummary, Supplier};
use super::{ApiError, get, post, send_empty};

pub async fn suppliers() -> Result<Vec<Supplier>, ApiError> {
    get("/suppliers").await
}

pub async fn list() -> Result<Vec<AccountSummary>, ApiError> {
    get("/accounts").await
}

pub async fn account(id: String) -> Result<Account, ApiError> {
    get(&format!("/accounts/{}", js_sys::encode_uri_component(&id))).await
}

#[derive(Clone, Serialize)]
pub struct Link {
    pub supplier_id: String,
    pub number: String,
    /// The datum of the receipt the supplier asks (`Supplier::link_proof`).
    pub proof: String,
}

/// Links the account `number` of `supplier_id` to this cabinet, once `proof`
/// shows it is the subscriber's.
pub async fn link(link: Link) -> Result<AccountSummary, ApiError> {
    post("/accounts", &link).await
}

pub async fn unlink(id: String) -> Result<(), ApiError> {
    send_empty(
        Method::DELETE,
        &format!("/accounts/{}", js_sys::encode_uri_component(&id)),
    )
    .await
}
